namespace RnnLab.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>The elements in row-major order: the storage itself when contiguous, else a gathered copy.</summary>
        internal ReadOnlySpan<T> ReadSpan<T>()
        {
            if (Storage is not T[] source)
                throw new ArgumentException($"expected a tensor of {typeof(T).Name} elements but got {DTypeName(dtype)}");
            return is_contiguous() ? source.AsSpan((int)Offset, (int)numel()) : ToArray<T>();
        }

        /// <summary>Float32 elements in row-major order; other dtypes are converted (a copy).</summary>
        internal ReadOnlySpan<float> ReadFloats() => dtype == ScalarType.Float32 ? ReadSpan<float>() : to(ScalarType.Float32).ReadSpan<float>();

        /// <summary>Int64 elements in row-major order; other dtypes are converted (a copy).</summary>
        internal ReadOnlySpan<long> ReadLongs() => dtype == ScalarType.Int64 ? ReadSpan<long>() : to(ScalarType.Int64).ReadSpan<long>();

        /// <summary>The elements broadcast to <paramref name="shape"/>, row-major, as float32.</summary>
        internal ReadOnlySpan<float> ReadFloatsAs(long[] shape) =>
            Sizes.AsSpan().SequenceEqual(shape) ? ReadFloats() : ExpandView(shape).ReadFloats();

        /// <summary>The elements broadcast to <paramref name="shape"/>, row-major, as int64.</summary>
        internal ReadOnlySpan<long> ReadLongsAs(long[] shape) =>
            Sizes.AsSpan().SequenceEqual(shape) ? ReadLongs() : ExpandView(shape).ReadLongs();

        /// <summary>A new contiguous tensor of <paramref name="type"/> filled with zeros.</summary>
        internal static Tensor Zeros(long[] shape, ScalarType type)
        {
            int n = checked((int)ShapeNumel(shape));
            return type switch
            {
                ScalarType.Float32 => FromContiguous(new float[n], shape),
                ScalarType.Int64 => FromContiguous(new long[n], shape),
                ScalarType.Bool => FromContiguous(new bool[n], shape),
                _ => throw UnsupportedDType(type),
            };
        }

        internal static long ShapeNumel(ReadOnlySpan<long> shape)
        {
            long n = 1;
            foreach (long s in shape) n *= s;
            return n;
        }

        internal static NotSupportedException UnsupportedDType(ScalarType type) =>
            new($"dtype {DTypeName(type)} is not supported: RnnLab.Torch computes in torch.float32, torch.int64 and torch.bool");
    }
}
