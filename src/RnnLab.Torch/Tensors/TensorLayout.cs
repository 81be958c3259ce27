using RnnLab.Torch.Autograd;

namespace RnnLab.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>The elements in row-major logical order, as a new array (any strides).</summary>
        internal T[] ToArray<T>()
        {
            if (Storage is not T[] source)
                throw new ArgumentException($"expected a tensor of {typeof(T).Name} elements but got {DTypeName(dtype)}");
            var result = GC.AllocateUninitializedArray<T>((int)numel()); // fully overwritten below
            if (result.Length == 0) return result;
            if (is_contiguous())
            {
                Array.Copy(source, Offset, result, 0, result.Length);
                return result;
            }
            GatherStrided(source, result);
            return result;
        }

        /// <summary>Float32 elements in row-major order, as a new array.</summary>
        internal float[] ToFloatArray() => ToArray<float>();

        /// <summary>
        /// For a contiguous Float32 tensor, its elements in place (no copy). Writers must own the tensor.
        /// </summary>
        internal Span<float> ContiguousFloatSpan()
        {
            if (!is_contiguous()) throw new InvalidOperationException("internal: tensor is not contiguous");
            return ((float[])Storage).AsSpan((int)Offset, (int)numel());
        }

        private void GatherStrided<T>(T[] source, T[] destination)
        {
            int rank = Sizes.Length;
            var index = new long[rank];
            long position = Offset;
            int innermost = rank - 1;
            long innerSize = Sizes[innermost], innerStride = Strides[innermost];
            for (long written = 0; written < destination.Length;)
            {
                long p = position;
                for (long j = 0; j < innerSize; j++, p += innerStride) destination[written++] = source[p];
                // Odometer step over the outer dims.
                for (int d = innermost - 1; d >= 0; d--)
                {
                    index[d]++;
                    position += Strides[d];
                    if (index[d] < Sizes[d]) break;
                    position -= Strides[d] * Sizes[d];
                    index[d] = 0;
                }
            }
        }

        /// <summary>This tensor if already contiguous, else a contiguous copy (recorded by autograd).</summary>
        public Tensor contiguous()
        {
            if (is_contiguous()) return this;
            Tensor result = new(CopyStorage(), shape, ContiguousStrides(Sizes), 0, dtype);
            if (Node.ShouldRecord(this)) new IdentityBackward("CloneBackward0").Record([this], [result]);
            return result;
        }

        /// <summary>A new tensor sharing storage but cut from the graph.</summary>
        public Tensor detach() => new(Storage, shape, stride(), Offset, dtype);

        private Array CopyStorage() => dtype switch
        {
            ScalarType.Float32 => ToArray<float>(),
            ScalarType.Int64 => ToArray<long>(),
            ScalarType.Bool => ToArray<bool>(),
            _ => throw new NotSupportedException($"dtype {DTypeName(dtype)} is not supported"),
        };

        /// <summary>Computes gradients of this tensor with respect to graph leaves.</summary>
        /// <param name="gradient">d(something)/d(this); required unless this tensor has one element.</param>
        /// <param name="retain_graph">Keep saved tensors so backward can run through the graph again.</param>
        public void backward(Tensor? gradient = null, bool retain_graph = false) =>
            Engine.Backward(this, gradient, retain_graph);

        /// <summary>Gradient passes through unchanged (contiguous copies).</summary>
        private sealed class IdentityBackward(string nodeName) : Node
        {
            public override string name() => nodeName;
            protected override Tensor?[] Backward(Tensor?[] gradOutputs) => [gradOutputs[0]];
        }
    }
}
