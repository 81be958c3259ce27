using RnnLab.Torch.Random;

namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>
    /// 0/1 samples with the probabilities in <paramref name="input"/> (float32, values in [0, 1]),
    /// as <c>torch.bernoulli(p)</c>: one 24-bit float uniform per element, 1 when it is below p.
    /// </summary>
    public static Tensor bernoulli(Tensor input, Generator? generator = null)
    {
        if (input.dtype != ScalarType.Float32)
            throw new NotSupportedException($"bernoulli expects float32 probabilities, got {Tensor.DTypeName(input.dtype)}");
        float[] probabilities = input.ToFloatArray();
        var samples = new float[probabilities.Length];
        foreach (float p in probabilities)
            if (!(p >= 0 && p <= 1)) throw new ArgumentException($"bernoulli expects all elements of input to be in [0, 1], found {p}");
        Generator source = generator ?? Generator.Default;
        lock (source.SyncRoot)
        {
            for (int i = 0; i < samples.Length; i++) samples[i] = Sampling.UnitFloat(source) < probabilities[i] ? 1f : 0f;
        }
        return Tensor.FromContiguous(samples, input.shape);
    }

    public sealed partial class Tensor
    {
        /// <summary>
        /// Fills in place with 1 (probability <paramref name="p"/>) or 0, as PyTorch's
        /// <c>bernoulli_(p)</c>: one 53-bit double uniform per element. Dropout masks are
        /// <c>empty.bernoulli_(1 - p) / (1 - p)</c>, exactly as CPU PyTorch builds them.
        /// </summary>
        public Tensor bernoulli_(double p = 0.5, Generator? generator = null)
        {
            if (!(p >= 0 && p <= 1)) throw new ArgumentException($"bernoulli_ expects p to be in [0, 1], but got p={p}");
            Generator source = generator ?? Generator.Default;
            if (dtype == ScalarType.Bool)
            {
                if (!is_contiguous()) throw new NotSupportedException("bernoulli_ needs a contiguous tensor; call .contiguous() first");
                Span<bool> flags = ((bool[])Storage).AsSpan((int)Offset, (int)numel());
                lock (source.SyncRoot)
                    for (int i = 0; i < flags.Length; i++) flags[i] = Sampling.UnitDouble(source) < p;
                return this;
            }
            if (dtype == ScalarType.Int64)
            {
                Span<long> longs = WritableLongsForFill(nameof(bernoulli_));
                lock (source.SyncRoot)
                    for (int i = 0; i < longs.Length; i++) longs[i] = Sampling.UnitDouble(source) < p ? 1 : 0;
                return this;
            }
            Span<float> target = WritableFloatsForFill(nameof(bernoulli_));
            lock (source.SyncRoot)
                for (int i = 0; i < target.Length; i++) target[i] = Sampling.UnitDouble(source) < p ? 1f : 0f;
            return this;
        }

        /// <summary>
        /// Fills in place with Exp(<paramref name="lambd"/>) samples: <c>-1/λ · log(1 - u)</c> on a
        /// 53-bit double uniform, rounded to float32 (ATen's CPU exponential_ without MKL).
        /// </summary>
        public Tensor exponential_(double lambd = 1, Generator? generator = null)
        {
            if (!(lambd > 0)) throw new ArgumentException($"exponential_ expects lambda > 0.0, but found lambda={lambd}");
            Span<float> target = WritableFloatsForFill(nameof(exponential_));
            Generator source = generator ?? Generator.Default;
            lock (source.SyncRoot)
                for (int i = 0; i < target.Length; i++) target[i] = (float)Sampling.Exponential(source, lambd);
            return this;
        }
    }
}
