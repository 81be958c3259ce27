namespace RnnLab.Torch.Random;

/// <summary>
/// One lane of the Cephes-derived float log and sincos that ATen's AVX2 normal sampler uses
/// (avx_mathfun.h). The polynomials are evaluated with the multiply-adds fused exactly where
/// GCC fuses them in PyTorch's AVX2 build, so results are bit-identical, not merely close.
/// Only used for arguments the normal sampler produces: log on (0, 1], sincos on [0, 2*pi).
/// </summary>
internal static class CephesFloatMath
{
    private const float SqrtHalf = 0.707106781186547524f;
    private const float LogP0 = 7.0376836292E-2f, LogP1 = -1.1514610310E-1f, LogP2 = 1.1676998740E-1f;
    private const float LogP3 = -1.2420140846E-1f, LogP4 = 1.4249322787E-1f, LogP5 = -1.6668057665E-1f;
    private const float LogP6 = 2.0000714765E-1f, LogP7 = -2.4999993993E-1f, LogP8 = 3.3333331174E-1f;
    // ln(2) split in a high part exact in float and a small correction.
    private const float Ln2High = 0.693359375f, Ln2Low = -2.12194440e-4f;

    private const float FourOverPi = 1.27323954473516f;
    // pi/4 split in three parts for the "extended precision modular arithmetic" reduction.
    private const float MinusPiOver4A = -0.78515625f, MinusPiOver4B = -2.4187564849853515625e-4f, MinusPiOver4C = -3.77489497744594108e-8f;
    private const float SinP0 = -1.9515295891E-4f, SinP1 = 8.3321608736E-3f, SinP2 = -1.6666654611E-1f;
    private const float CosP0 = 2.443315711809948E-005f, CosP1 = -1.388731625493765E-003f, CosP2 = 4.166664568298827E-002f;

    /// <summary>Natural log of a positive normal float.</summary>
    internal static float Log(float value)
    {
        int bits = BitConverter.SingleToInt32Bits(value);
        float exponent = ((bits >>> 23) - 0x7f) + 1.0f;
        // Mantissa scaled into [0.5, 1).
        float x = BitConverter.Int32BitsToSingle((bits & ~0x7f800000) | BitConverter.SingleToInt32Bits(0.5f));
        float below = x < SqrtHalf ? x : 0f;
        x -= 1.0f;
        if (below != 0f) exponent -= 1.0f;
        x += below;

        float z = x * x;
        float y = LogP0;
        y = MathF.FusedMultiplyAdd(y, x, LogP1);
        y = MathF.FusedMultiplyAdd(y, x, LogP2);
        y = MathF.FusedMultiplyAdd(y, x, LogP3);
        y = MathF.FusedMultiplyAdd(y, x, LogP4);
        y = MathF.FusedMultiplyAdd(y, x, LogP5);
        y = MathF.FusedMultiplyAdd(y, x, LogP6);
        y = MathF.FusedMultiplyAdd(y, x, LogP7);
        y = MathF.FusedMultiplyAdd(y, x, LogP8);
        y *= x;
        y = MathF.FusedMultiplyAdd(y, z, exponent * Ln2Low);
        y = MathF.FusedMultiplyAdd(-z, 0.5f, y);
        x += y;
        return MathF.FusedMultiplyAdd(exponent, Ln2High, x);
    }

    /// <summary>Sine and cosine of a non-negative float below 8192.</summary>
    internal static (float sin, float cos) SinCos(float value)
    {
        int signSin = BitConverter.SingleToInt32Bits(value) & unchecked((int)0x80000000);
        float x = MathF.Abs(value);
        int octant = (int)(x * FourOverPi);
        octant = (octant + 1) & ~1;
        float octantF = octant;
        signSin ^= (octant & 4) << 29;
        bool sinUsesSinPoly = (octant & 2) == 0;
        int signCos = (~(octant - 2) & 4) << 29;

        x = MathF.FusedMultiplyAdd(octantF, MinusPiOver4A, x);
        x = MathF.FusedMultiplyAdd(octantF, MinusPiOver4B, x);
        x = MathF.FusedMultiplyAdd(octantF, MinusPiOver4C, x);

        float z = x * x;
        float cosPoly = MathF.FusedMultiplyAdd(CosP0, z, CosP1);
        cosPoly = MathF.FusedMultiplyAdd(cosPoly, z, CosP2);
        cosPoly *= z;
        cosPoly = MathF.FusedMultiplyAdd(cosPoly, z, -(z * 0.5f));
        cosPoly += 1.0f;

        float sinPoly = MathF.FusedMultiplyAdd(SinP0, z, SinP1);
        sinPoly = MathF.FusedMultiplyAdd(sinPoly, z, SinP2);
        sinPoly *= z;
        sinPoly = MathF.FusedMultiplyAdd(sinPoly, x, x);

        float sin = sinUsesSinPoly ? sinPoly : cosPoly;
        float cos = sinUsesSinPoly ? cosPoly : sinPoly;
        return (FlipSign(sin, signSin), FlipSign(cos, signCos));
    }

    private static float FlipSign(float value, int signMask) =>
        BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(value) ^ signMask);
}
