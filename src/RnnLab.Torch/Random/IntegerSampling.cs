using RnnLab.Torch.Random;

namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>Integers uniform in [0, <paramref name="high"/>), as <c>torch.randint(high, size)</c>; Int64 unless told otherwise.</summary>
    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randint(0, high, size, dtype, device, requires_grad, generator);

    /// <summary>Integers uniform in [<paramref name="low"/>, <paramref name="high"/>), drawn as CPU PyTorch draws them.</summary>
    public static Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        (device ?? Device.CPU).EnsureCpu();
        ScalarType type = dtype ?? ScalarType.Int64;
        int count = ElementCountForSampling(size);
        Tensor result = type switch
        {
            ScalarType.Int64 => Tensor.FromContiguous(new long[count], size),
            ScalarType.Float32 => Tensor.FromContiguous(new float[count], size),
            _ => throw new NotSupportedException($"randint: dtype {Tensor.DTypeName(type)} is not supported (use int64 or float32)"),
        };
        return result.random_(low, high, generator).requires_grad_(requires_grad);
    }

    /// <summary>Integers uniform in [low, high) shaped like <paramref name="input"/>.</summary>
    public static Tensor randint_like(Tensor input, long low, long high, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        randint(low, high, input.shape, dtype ?? input.dtype, device, requires_grad);

    /// <summary>
    /// A random permutation of 0..n-1 (Int64), as <c>torch.randperm(n, generator=g)</c>: the same
    /// Fisher-Yates walk over 32-bit draws as CPU PyTorch, so DataLoader shuffles agree.
    /// </summary>
    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        (device ?? Device.CPU).EnsureCpu();
        if (n < 0) throw new ArgumentException($"n must be non-negative, got {n}");
        ScalarType type = dtype ?? ScalarType.Int64;
        if (type is not (ScalarType.Int64 or ScalarType.Float32))
            throw new NotSupportedException($"randperm: dtype {Tensor.DTypeName(type)} is not supported (use int64 or float32)");
        if (type == ScalarType.Float32 && n > (1L << 24) + 1)
            throw new ArgumentException($"n must be at most 2^24 + 1 for float32 (every value must be exact), got {n}");
        long[] permutation = new long[ElementCountForSampling([n])];
        for (int i = 0; i < permutation.Length; i++) permutation[i] = i;
        Generator source = generator ?? Generator.Default;
        lock (source.SyncRoot)
        {
            for (long i = 0; i < n - 1; i++)
            {
                long j = i + source.NextUInt32() % (n - i);
                (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
            }
        }
        Tensor result = type == ScalarType.Int64
            ? Tensor.FromContiguous(permutation, [n])
            : Tensor.FromContiguous(Array.ConvertAll(permutation, v => (float)v), [n]);
        return result.requires_grad_(requires_grad);
    }

    public sealed partial class Tensor
    {
        /// <summary>
        /// Fills in place with integers uniform in [<paramref name="from"/>, <paramref name="to"/>):
        /// one 32-bit draw per element, or one 64-bit draw when the range reaches 2^32, then
        /// <c>from + draw % range</c> (ATen's uniform_int_from_to_distribution).
        /// </summary>
        public Tensor random_(long from, long to, Generator? generator = null)
        {
            if (from >= to)
                throw new ArgumentException($"random_ expects 'from' to be less than 'to', but got from={from} >= to={to}");
            ulong range = unchecked((ulong)(to - from));
            Generator source = generator ?? Generator.Default;
            if (dtype == ScalarType.Int64)
            {
                Span<long> target = WritableLongsForFill(nameof(random_));
                lock (source.SyncRoot)
                    for (int i = 0; i < target.Length; i++) target[i] = DrawInteger(source, range, from);
                return this;
            }
            Span<float> floats = WritableFloatsForFill(nameof(random_));
            lock (source.SyncRoot)
                for (int i = 0; i < floats.Length; i++) floats[i] = DrawInteger(source, range, from);
            return this;
        }

        /// <summary>Fills in place with integers uniform in [0, <paramref name="to"/>).</summary>
        public Tensor random_(long to, Generator? generator = null) => random_(0, to, generator);

        /// <summary>
        /// Fills in place with integers over the dtype's whole exact range, as PyTorch's
        /// <c>random_()</c>: int64 gets a 64-bit draw mod 2^63, float32 a 32-bit draw mod 2^24 + 1.
        /// This is how PyTorch's RandomSampler (DataLoader shuffle) seeds its generator:
        /// <c>torch.empty((), dtype=torch.int64).random_()</c>.
        /// </summary>
        public Tensor random_(Generator? generator = null)
        {
            Generator source = generator ?? Generator.Default;
            if (dtype == ScalarType.Int64)
            {
                Span<long> target = WritableLongsForFill(nameof(random_));
                lock (source.SyncRoot)
                    for (int i = 0; i < target.Length; i++) target[i] = (long)(source.NextUInt64() % (1UL << 63));
                return this;
            }
            Span<float> floats = WritableFloatsForFill(nameof(random_));
            lock (source.SyncRoot)
                for (int i = 0; i < floats.Length; i++) floats[i] = source.NextUInt32() % ((1u << 24) + 1);
            return this;
        }

        private static long DrawInteger(Generator source, ulong range, long from)
        {
            ulong draw = range >= 1UL << 32 ? source.NextUInt64() : source.NextUInt32();
            return unchecked((long)(draw % range) + from);
        }

        /// <summary>Int64 counterpart of <see cref="WritableFloatsForFill"/>.</summary>
        internal Span<long> WritableLongsForFill(string operation)
        {
            if (dtype != ScalarType.Int64)
                throw new NotSupportedException($"internal: {operation} expected an int64 tensor, got {DTypeName(dtype)}");
            if (!is_contiguous())
                throw new NotSupportedException(
                    $"{operation} needs a contiguous tensor (shape {ShapeString(Sizes)}, strides {ShapeString(Strides)}); call .contiguous() first or fill the base tensor");
            return ((long[])Storage).AsSpan((int)Offset, (int)numel());
        }
    }
}
