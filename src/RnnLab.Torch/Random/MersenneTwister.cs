namespace RnnLab.Torch.Random;

/// <summary>
/// The 32-bit Mersenne Twister (mt19937) exactly as ATen's CPU generator runs it: seeded from the
/// low 32 bits of the seed with Knuth's multiplier, refilled 624 words at a time, tempered output.
/// Keeping the same state layout (words, next index, words left) lets a saved state round-trip.
/// </summary>
internal sealed class MersenneTwister
{
    internal const int StateSize = 624;
    private const int ShiftSize = 397;
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;

    private readonly uint[] _state = new uint[StateSize];
    private int _next;
    private int _left;

    internal MersenneTwister(ulong seed) => Seed(seed);

    /// <summary>The 64-bit seed as given (the engine itself only uses its low 32 bits).</summary>
    internal ulong SeedValue { get; private set; }

    internal void Seed(ulong seed)
    {
        SeedValue = seed;
        _state[0] = (uint)seed;
        for (uint j = 1; j < StateSize; j++)
            _state[j] = 1812433253u * (_state[j - 1] ^ (_state[j - 1] >> 30)) + j;
        // ATen starts with one word "left" so the first draw regenerates the whole block.
        _left = 1;
        _next = 0;
    }

    /// <summary>The next tempered 32-bit word.</summary>
    internal uint NextUInt32()
    {
        if (--_left == 0) Regenerate();
        uint y = _state[_next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        return y;
    }

    private void Regenerate()
    {
        _left = StateSize;
        _next = 0;
        uint[] s = _state;
        int k = 0;
        for (; k < StateSize - ShiftSize; k++) s[k] = s[k + ShiftSize] ^ Twist(s[k], s[k + 1]);
        for (; k < StateSize - 1; k++) s[k] = s[k + ShiftSize - StateSize] ^ Twist(s[k], s[k + 1]);
        s[StateSize - 1] = s[ShiftSize - 1] ^ Twist(s[StateSize - 1], s[0]);
    }

    private static uint Twist(uint upper, uint lower)
    {
        uint mixed = (upper & UpperMask) | (lower & LowerMask);
        return (mixed >> 1) ^ ((lower & 1) != 0 ? MatrixA : 0u);
    }

    /// <summary>Copies the engine's words and cursors (for Generator.get_state).</summary>
    internal (uint[] words, int next, int left) Snapshot() => ((uint[])_state.Clone(), _next, _left);

    /// <summary>Restores what <see cref="Snapshot"/> returned.</summary>
    internal void Restore(ulong seed, ReadOnlySpan<uint> words, int next, int left)
    {
        if (words.Length != StateSize) throw new ArgumentException($"mt19937 state needs {StateSize} words, got {words.Length}");
        // Between draws next + left is always StateSize + 1, except right after seeding (0, 1).
        bool consistent = next + left == StateSize + 1 || (next == 0 && left == 1);
        if (left < 1 || left > StateSize || next < 0 || next > StateSize || !consistent)
            throw new ArgumentException($"corrupt mt19937 state: next={next}, left={left}");
        SeedValue = seed;
        words.CopyTo(_state);
        _next = next;
        _left = left;
    }
}
