namespace RnnLab.Torch.Random;

/// <summary>
/// ATen's normal_ for contiguous float32 tensors of at least 16 elements: fill with uniforms,
/// then Box-Muller in blocks of 16 (element j pairs with j + 8). A ragged tail is handled by
/// redrawing the last 16 elements and transforming them again, exactly as normal_fill_AVX2 does.
/// </summary>
internal static class NormalFill
{
    internal const int BlockSize = 16;
    private const int HalfBlock = BlockSize / 2;
    private static readonly float TwoPi = (float)(2.0 * Math.PI);

    /// <summary>Fills <paramref name="data"/> (length &gt;= 16) with N(mean, std) samples.</summary>
    internal static void Fill(Span<float> data, float mean, float std, torch.Generator generator)
    {
        if (data.Length < BlockSize) throw new ArgumentException($"normal_fill needs at least {BlockSize} elements, got {data.Length}");
        lock (generator.SyncRoot)
        {
            for (int i = 0; i < data.Length; i++) data[i] = Sampling.UnitFloat(generator);
            for (int start = 0; start + BlockSize <= data.Length; start += BlockSize)
                TransformBlock(data.Slice(start, BlockSize), mean, std);
            if (data.Length % BlockSize != 0)
            {
                Span<float> tail = data[^BlockSize..];
                for (int i = 0; i < BlockSize; i++) tail[i] = Sampling.UnitFloat(generator);
                TransformBlock(tail, mean, std);
            }
        }
    }

    private static void TransformBlock(Span<float> block, float mean, float std)
    {
        for (int j = 0; j < HalfBlock; j++)
        {
            float u1 = 1.0f - block[j]; // [0, 1) -> (0, 1] so the log is finite.
            float u2 = block[j + HalfBlock];
            float radius = MathF.Sqrt(-2.0f * CephesFloatMath.Log(u1));
            float theta = TwoPi * u2;
            (float sin, float cos) = CephesFloatMath.SinCos(theta);
            block[j] = MathF.FusedMultiplyAdd(radius * cos, std, mean);
            block[j + HalfBlock] = MathF.FusedMultiplyAdd(radius * sin, std, mean);
        }
    }
}
