namespace RnnLab.Torch.Random;

/// <summary>
/// Scalar samplers with ATen's exact transforms (DistributionsHelper.h / TransformationHelper.h):
/// which word size is drawn, how many mantissa bits are kept, and in which precision the
/// arithmetic runs. Callers hold the generator's lock.
/// </summary>
internal static class Sampling
{
    private const uint Float24Mask = (1u << 24) - 1;
    private const float Float24Scale = 1.0f / (1 << 24);
    private const ulong Double53Mask = (1UL << 53) - 1;
    private const double Double53Scale = 1.0 / (1UL << 53);

    /// <summary>
    /// ATen's uniform_real_distribution&lt;float&gt;: the low 24 bits of one 32-bit draw scaled to
    /// [0, 1), then <c>u * (to - from) + from</c> in float. The multiply-add is fused, as GCC fuses it
    /// in the AVX2 build of the kernel that PyTorch dispatches to on x86-64.
    /// </summary>
    internal static float UniformFloat(torch.Generator generator, float from, float to)
    {
        float unit = (generator.NextUInt32() & Float24Mask) * Float24Scale;
        return MathF.FusedMultiplyAdd(unit, to - from, from);
    }

    /// <summary>A uniform float in [0, 1): the form normal_fill uses (no affine step).</summary>
    internal static float UnitFloat(torch.Generator generator) =>
        (generator.NextUInt32() & Float24Mask) * Float24Scale;

    /// <summary>ATen's uniform_real_distribution&lt;double&gt;: 53 bits of one 64-bit draw.</summary>
    internal static double UnitDouble(torch.Generator generator) =>
        (generator.NextUInt64() & Double53Mask) * Double53Scale;

    /// <summary>
    /// ATen's normal_distribution&lt;double&gt;: Box-Muller on two double uniforms, returning the
    /// cosine branch and caching the sine branch on the generator for the next call.
    /// </summary>
    internal static double StandardNormalDouble(torch.Generator generator)
    {
        if (generator.NextDoubleNormal is double cached)
        {
            generator.NextDoubleNormal = null;
            return cached;
        }
        double u1 = UnitDouble(generator);
        double u2 = UnitDouble(generator);
        double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - u2));
        double theta = 2.0 * Math.PI * u1;
        generator.NextDoubleNormal = radius * Math.Sin(theta);
        return radius * Math.Cos(theta);
    }

    /// <summary>ATen's exponential_distribution&lt;double&gt; on the CPU: <c>-1/λ · log(1 - u)</c>.</summary>
    internal static double Exponential(torch.Generator generator, double lambda) =>
        -1.0 / lambda * Math.Log(1.0 - UnitDouble(generator));
}
