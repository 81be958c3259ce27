using RnnLab.Torch.Random;

namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>
    /// A CPU random number generator with PyTorch's engine (mt19937) and PyTorch's cached second
    /// normal sample, so a seed gives the same stream as <c>torch.Generator().manual_seed(seed)</c>.
    /// </summary>
    /// <remarks>Thread-safe the way ATen's is: every draw for one tensor happens under a lock.</remarks>
    public sealed class Generator
    {
        // Layout of get_state(): a version tag, then the fields below in this order.
        private const long StateFormatVersion = 1;
        private const int StateHeaderLength = 8;

        private readonly MersenneTwister _engine;

        /// <summary>A generator seeded with <paramref name="seed"/> (TorchSharp's default is 0).</summary>
        public Generator(ulong seed = 0, Device? device = null)
        {
            (device ?? Device.CPU).EnsureCpu();
            _engine = new MersenneTwister(seed);
        }

        /// <summary>The process-wide generator used when no generator is passed (seeded non-deterministically, as in PyTorch).</summary>
        public static Generator Default { get; } = new(NonDeterministicSeed());

        /// <summary>Always the CPU.</summary>
        public Device device => Device.CPU;

        /// <summary>Held while one tensor's values are drawn, so concurrent fills do not interleave.</summary>
        internal object SyncRoot { get; } = new();

        /// <summary>The second Box-Muller value of the double-precision scalar normal sampler, if unused.</summary>
        internal double? NextDoubleNormal { get; set; }

        /// <summary>The cached float-precision normal sample (kept for state round-trips; unused by float32 paths).</summary>
        internal float? NextFloatNormal { get; set; }

        /// <summary>Reseeds this generator and drops cached normal samples; returns this generator.</summary>
        public Generator manual_seed(long seed)
        {
            lock (SyncRoot)
            {
                // PyTorch reinterprets a negative seed as its unsigned 64-bit pattern.
                _engine.Seed(unchecked((ulong)seed));
                NextDoubleNormal = null;
                NextFloatNormal = null;
            }
            return this;
        }

        /// <summary>Reseeds from a non-deterministic source and returns the new seed.</summary>
        public long seed()
        {
            long fresh = unchecked((long)NonDeterministicSeed());
            manual_seed(fresh);
            return fresh;
        }

        /// <summary>The seed last set (its 64-bit pattern as a long).</summary>
        public long initial_seed() => unchecked((long)_engine.SeedValue);

        /// <summary>
        /// The full generator state as an Int64 tensor (engine words, cursors and cached normals).
        /// Our own layout: PyTorch's is a 5056-byte uint8 tensor, which this engine has no dtype for.
        /// </summary>
        public Tensor get_state()
        {
            lock (SyncRoot)
            {
                (uint[] words, int next, int left) = _engine.Snapshot();
                var data = new long[StateHeaderLength + words.Length];
                data[0] = StateFormatVersion;
                data[1] = unchecked((long)_engine.SeedValue);
                data[2] = next;
                data[3] = left;
                data[4] = NextDoubleNormal.HasValue ? 1 : 0;
                data[5] = BitConverter.DoubleToInt64Bits(NextDoubleNormal ?? 0);
                data[6] = NextFloatNormal.HasValue ? 1 : 0;
                data[7] = BitConverter.SingleToInt32Bits(NextFloatNormal ?? 0);
                for (int i = 0; i < words.Length; i++) data[StateHeaderLength + i] = words[i];
                return Tensor.FromContiguous(data, [data.Length]);
            }
        }

        /// <summary>Restores a state returned by <see cref="get_state"/>.</summary>
        public void set_state(Tensor new_state)
        {
            if (new_state.dtype != ScalarType.Int64 || new_state.numel() != StateHeaderLength + MersenneTwister.StateSize)
                throw new ArgumentException(
                    $"set_state expects the Int64 tensor of {StateHeaderLength + MersenneTwister.StateSize} elements that get_state() returns, " +
                    $"got {Tensor.DTypeName(new_state.dtype)} with {new_state.numel()} elements");
            long[] data = new_state.ToArray<long>();
            if (data[0] != StateFormatVersion)
                throw new ArgumentException($"unknown generator state format version {data[0]}");
            var words = new uint[MersenneTwister.StateSize];
            for (int i = 0; i < words.Length; i++)
            {
                long word = data[StateHeaderLength + i];
                if (word < 0 || word > uint.MaxValue) throw new ArgumentException($"generator state word {i} = {word} is not a 32-bit value");
                words[i] = (uint)word;
            }
            lock (SyncRoot)
            {
                _engine.Restore(unchecked((ulong)data[1]), words, checked((int)data[2]), checked((int)data[3]));
                NextDoubleNormal = data[4] != 0 ? BitConverter.Int64BitsToDouble(data[5]) : null;
                NextFloatNormal = data[6] != 0 ? BitConverter.Int32BitsToSingle((int)data[7]) : null;
            }
        }

        /// <summary>A readable description for notebooks, e.g. <c>torch.Generator(device=cpu, initial_seed=42)</c>.</summary>
        public override string ToString() => $"torch.Generator(device=cpu, initial_seed={unchecked((ulong)initial_seed())})";

        /// <summary>One 32-bit draw (ATen's <c>random()</c>). Callers hold <see cref="SyncRoot"/>.</summary>
        internal uint NextUInt32() => _engine.NextUInt32();

        /// <summary>One 64-bit draw from two 32-bit ones, the first as the high half (ATen's <c>random64()</c>).</summary>
        internal ulong NextUInt64()
        {
            ulong high = _engine.NextUInt32();
            ulong low = _engine.NextUInt32();
            return (high << 32) | low;
        }

        private static ulong NonDeterministicSeed() =>
            BitConverter.ToUInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(sizeof(ulong)));
    }
}
