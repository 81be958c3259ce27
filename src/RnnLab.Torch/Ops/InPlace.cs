using RnnLab.Torch.Autograd;

namespace RnnLab.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>
        /// Writes <paramref name="source"/> (broadcast to this shape, converted to this dtype) into this
        /// tensor's elements, whatever its strides. No autograd bookkeeping: callers check that first.
        /// </summary>
        internal void CopyFrom(Tensor source)
        {
            long[] target = Sizes;
            BroadcastShapes(source.Sizes, target); // throws PyTorch's message on mismatch
            if (source.Sizes.Length > target.Length)
                throw new ArgumentException($"output with shape {ShapeString(target)} doesn't match the broadcast shape {ShapeString(BroadcastShapes(source.Sizes, target))}");
            Tensor src = source.ExpandView(target);
            // A source over this very storage (x.t().copy_(x)) is read into a copy first, or the
            // strided writes would overwrite elements before they are read.
            bool aliased = ReferenceEquals(src.Storage, Storage);
            switch (dtype)
            {
                case ScalarType.Float32: ScatterStrided(aliased && src.dtype == dtype ? src.ToArray<float>() : src.ReadFloats()); break;
                case ScalarType.Int64: ScatterStrided(aliased && src.dtype == dtype ? src.ToArray<long>() : src.ReadLongs()); break;
                case ScalarType.Bool: ScatterStrided(src.@bool().ReadSpan<bool>()); break;
                default: throw UnsupportedDType(dtype);
            }
        }

        /// <summary>Writes row-major <paramref name="values"/> into this view's storage positions.</summary>
        private void ScatterStrided<T>(ReadOnlySpan<T> values)
        {
            var storage = (T[])Storage;
            if (values.Length == 0) return;
            if (is_contiguous())
            {
                // Overlapping contiguous ranges are fine: Span.CopyTo has memmove semantics.
                values.CopyTo(storage.AsSpan((int)Offset, values.Length));
                return;
            }
            int rank = Sizes.Length;
            var index = new long[rank];
            long position = Offset;
            int innermost = rank - 1;
            long innerSize = Sizes[innermost], innerStride = Strides[innermost];
            for (int read = 0; read < values.Length;)
            {
                long p = position;
                for (long j = 0; j < innerSize; j++, p += innerStride) storage[p] = values[read++];
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

        /// <summary>PyTorch's rules for writing into a tensor in place while autograd is on.</summary>
        private void CheckInPlace(Tensor? source = null)
        {
            if (!GradMode.IsEnabled) return;
            if (requires_grad && is_leaf)
                throw new InvalidOperationException("a leaf Variable that requires grad is being used in an in-place operation.");
            if (requires_grad || (source is not null && source.requires_grad))
                throw new NotSupportedException(
                    "in-place operations on tensors that take part in autograd are not supported by RnnLab.Torch " +
                    "(PyTorch would rewrite the graph); use the out-of-place form (x = x + y), or wrap the update in torch.no_grad().");
        }

        private Tensor AssignInPlace(Tensor result)
        {
            if (dtype != ScalarType.Float32 && result.dtype == ScalarType.Float32)
                throw new InvalidOperationException($"result type Float can't be cast to the desired output type {(dtype == ScalarType.Int64 ? "Long" : "Bool")}");
            if (!result.Sizes.AsSpan().SequenceEqual(Sizes))
                throw new ArgumentException($"output with shape {ShapeString(Sizes)} doesn't match the broadcast shape {ShapeString(result.Sizes)}");
            CopyFrom(result);
            return this;
        }

        /// <summary>Copies <paramref name="src"/> (broadcast) into this tensor; returns this.</summary>
        public Tensor copy_(Tensor src)
        {
            CheckInPlace(src);
            CopyFrom(src);
            return this;
        }

        /// <summary>this += alpha * other, in place.</summary>
        public Tensor add_(Tensor other, double alpha = 1) { CheckInPlace(other); return AssignInPlace(BinaryKernel(this, alpha == 1 ? other : BinaryKernel(other, Scalar(alpha), BinaryOp.Multiply), BinaryOp.Add)); }
        /// <summary>this += scalar, in place.</summary>
        public Tensor add_(double scalar) { CheckInPlace(); return AssignInPlace(BinaryKernel(this, ScalarLike(this, scalar), BinaryOp.Add)); }
        /// <summary>this -= alpha * other, in place.</summary>
        public Tensor sub_(Tensor other, double alpha = 1) { CheckInPlace(other); return AssignInPlace(BinaryKernel(this, alpha == 1 ? other : BinaryKernel(other, Scalar(alpha), BinaryOp.Multiply), BinaryOp.Subtract)); }
        /// <summary>this -= scalar, in place.</summary>
        public Tensor sub_(double scalar) { CheckInPlace(); return AssignInPlace(BinaryKernel(this, ScalarLike(this, scalar), BinaryOp.Subtract)); }
        /// <summary>this *= other, in place.</summary>
        public Tensor mul_(Tensor other) { CheckInPlace(other); return AssignInPlace(BinaryKernel(this, other, BinaryOp.Multiply)); }
        /// <summary>this *= scalar, in place.</summary>
        public Tensor mul_(double scalar) { CheckInPlace(); return AssignInPlace(BinaryKernel(this, ScalarLike(this, scalar), BinaryOp.Multiply)); }
        /// <summary>this /= other, in place.</summary>
        public Tensor div_(Tensor other) { CheckInPlace(other); return AssignInPlace(BinaryKernel(this, other, BinaryOp.Divide)); }
        /// <summary>this /= scalar, in place.</summary>
        public Tensor div_(double scalar) { CheckInPlace(); return AssignInPlace(BinaryKernel(this, Scalar(scalar), BinaryOp.Divide)); }
        /// <summary>Clamps in place.</summary>
        public Tensor clamp_(double? min = null, double? max = null)
        {
            CheckInPlace();
            using (GradMode.Set(false)) return AssignInPlace(clamp(min, max));
        }

        /// <summary>Sets every element to <paramref name="value"/>; returns this.</summary>
        public Tensor fill_(double value)
        {
            CheckInPlace();
            CopyFrom(ScalarLike(this, value));
            return this;
        }

        /// <summary>Sets every element to zero; returns this.</summary>
        public Tensor zero_() => fill_(0);
    }
}
