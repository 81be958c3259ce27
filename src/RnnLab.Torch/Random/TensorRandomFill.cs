using RnnLab.Torch.Autograd;
using RnnLab.Torch.Random;

namespace RnnLab.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>
        /// Fills this tensor in place with samples from U[<paramref name="from"/>, <paramref name="to"/>),
        /// drawing exactly as CPU PyTorch does (same seed, same float32 values).
        /// </summary>
        public Tensor uniform_(double from = 0, double to = 1, Generator? generator = null)
        {
            Span<float> target = WritableFloatsForFill(nameof(uniform_));
            if (!(from <= to))
                throw new ArgumentException($"uniform_ expects to return a [from, to) range, but found from={from} > to={to}");
            float low = (float)from, high = (float)to;
            if (float.IsInfinity(low) || float.IsInfinity(high) || float.IsInfinity(high - low))
                throw new ArgumentException($"uniform_: [from, to) = [{from}, {to}) does not fit in float32");
            Generator source = generator ?? Generator.Default;
            lock (source.SyncRoot)
            {
                for (int i = 0; i < target.Length; i++) target[i] = Sampling.UniformFloat(source, low, high);
            }
            return this;
        }

        /// <summary>
        /// Fills this tensor in place with samples from N(<paramref name="mean"/>, <paramref name="std"/>²),
        /// with CPU PyTorch's algorithm: the vectorised Box-Muller for 16 or more elements, the scalar
        /// double-precision sampler (which caches its second value) below that.
        /// </summary>
        public Tensor normal_(double mean = 0, double std = 1, Generator? generator = null)
        {
            Span<float> target = WritableFloatsForFill(nameof(normal_));
            if (!(std >= 0)) throw new ArgumentException($"normal expects std >= 0.0, but found std {std}");
            Generator source = generator ?? Generator.Default;
            if (target.Length >= NormalFill.BlockSize)
            {
                NormalFill.Fill(target, (float)mean, (float)std, source);
                return this;
            }
            lock (source.SyncRoot)
            {
                for (int i = 0; i < target.Length; i++)
                    target[i] = (float)Math.FusedMultiplyAdd(Sampling.StandardNormalDouble(source), std, mean);
            }
            return this;
        }

        /// <summary>
        /// The elements of a tensor an in-place fill may overwrite. Refuses what PyTorch refuses
        /// (a leaf that requires grad outside no_grad) and what this engine does not fill
        /// (non-float32, non-contiguous, autograd-produced tensors), naming the reason.
        /// </summary>
        internal Span<float> WritableFloatsForFill(string operation)
        {
            if (dtype != ScalarType.Float32)
                throw new NotSupportedException($"{operation} is implemented for float32 tensors only, got {DTypeName(dtype)}");
            if (!is_contiguous())
                throw new NotSupportedException(
                    $"{operation} needs a contiguous tensor (shape {ShapeString(Sizes)}, strides {ShapeString(Strides)}); call .contiguous() first or fill the base tensor");
            if (requires_grad && GradMode.IsEnabled)
                throw new InvalidOperationException(
                    is_leaf
                        ? "a leaf Variable that requires grad is being used in an in-place operation."
                        : $"{operation} on a tensor produced by autograd is not supported; fill a detach()ed tensor or use torch.no_grad()");
            return ContiguousFloatSpan();
        }
    }
}
