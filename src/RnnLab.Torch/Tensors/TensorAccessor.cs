namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>Reads a tensor's elements in logical (row-major) order, like TorchSharp's TensorAccessor.</summary>
    public sealed class TensorAccessor<T> where T : unmanaged
    {
        private readonly Tensor _tensor;

        internal TensorAccessor(Tensor tensor) => _tensor = tensor;

        /// <summary>Number of elements.</summary>
        public long Count => _tensor.numel();

        /// <summary>All elements, row-major, as a new array.</summary>
        public T[] ToArray() => _tensor.ToArray<T>();

        /// <summary>The element at a flat row-major position.</summary>
        public T this[long flatIndex]
        {
            get => ((T[])_tensor.Storage)[_tensor.StorageIndexOfFlat(flatIndex)];
            set => ((T[])_tensor.Storage)[_tensor.StorageIndexOfFlat(flatIndex)] = value;
        }

        /// <summary>The element at a multi-dimensional position.</summary>
        public T this[params long[] indices]
        {
            get => ((T[])_tensor.Storage)[_tensor.StorageIndexOf(indices)];
            set => ((T[])_tensor.Storage)[_tensor.StorageIndexOf(indices)] = value;
        }
    }

    public sealed partial class Tensor
    {
        internal long StorageIndexOfFlat(long flatIndex)
        {
            long n = numel();
            if (flatIndex < 0 || flatIndex >= n)
                throw new IndexOutOfRangeException($"index {flatIndex} is out of bounds for a tensor with {n} elements");
            long position = Offset;
            for (int d = Sizes.Length - 1; d >= 0; d--)
            {
                position += flatIndex % Sizes[d] * Strides[d];
                flatIndex /= Sizes[d];
            }
            return position;
        }

        internal long StorageIndexOf(long[] indices)
        {
            if (indices.Length != Sizes.Length)
                throw new ArgumentException($"expected {Sizes.Length} indices for a tensor of shape {ShapeString(Sizes)} but got {indices.Length}");
            long position = Offset;
            for (int d = 0; d < indices.Length; d++)
            {
                long i = indices[d] < 0 ? indices[d] + Sizes[d] : indices[d];
                if (i < 0 || i >= Sizes[d])
                    throw new IndexOutOfRangeException($"index {indices[d]} is out of bounds for dimension {d} with size {Sizes[d]}");
                position += i * Strides[d];
            }
            return position;
        }
    }
}
