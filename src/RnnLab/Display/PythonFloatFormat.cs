using System.Globalization;
using System.Numerics;

namespace RnnLab.Display;

/// <summary>
/// Python's '{:.Nf}' and '{:.Ne}' for doubles, digit for digit: correctly rounded from the exact
/// binary value with ties to even, which is what PyTorch's printing relies on. .NET's "F4" rounds
/// ties away from zero, so it differs on values like 0.03125.
/// </summary>
internal static class PythonFloatFormat
{
    /// <summary>'{:.{precision}f}'.format(value).</summary>
    public static string Fixed(double value, int precision)
    {
        if (NonFinite(value) is { } special) return special;
        bool negative = double.IsNegative(value);
        BigInteger scaled = RoundScaled(Math.Abs(value), precision);
        string digits = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(precision + 1, '0');
        string text = precision == 0 ? digits : digits[..^precision] + "." + digits[^precision..];
        return negative ? "-" + text : text;
    }

    /// <summary>'{:.{precision}e}'.format(value): d.ddddde+XX.</summary>
    public static string Scientific(double value, int precision)
    {
        if (NonFinite(value) is { } special) return special;
        bool negative = double.IsNegative(value);
        double magnitude = Math.Abs(value);
        int exponent = 0;
        BigInteger mantissa;
        if (magnitude == 0) mantissa = BigInteger.Zero;
        else
        {
            exponent = (int)Math.Floor(Math.Log10(magnitude));
            mantissa = RoundScaled(magnitude, precision - exponent);
            BigInteger limit = BigInteger.Pow(10, precision + 1);
            // Log10 can be off by one near powers of ten, and rounding can carry to one more digit.
            while (mantissa >= limit) { exponent++; mantissa = RoundScaled(magnitude, precision - exponent); }
            while (mantissa < limit / 10) { exponent--; mantissa = RoundScaled(magnitude, precision - exponent); }
        }
        string digits = mantissa.ToString(CultureInfo.InvariantCulture).PadLeft(precision + 1, '0');
        string text = precision == 0 ? digits : digits[..1] + "." + digits[1..];
        string exp = (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        return (negative ? "-" : "") + text + "e" + exp;
    }

    /// <summary>'{}'.format(float): Python's shortest round-trip repr of a double.</summary>
    public static string Repr(double value)
    {
        if (NonFinite(value) is { } special) return special;
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        if (r.Contains('E'))
        {
            // .NET "1E-05" -> Python "1e-05".
            int e = r.IndexOf('E');
            string mant = r[..e];
            int exp = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
            return mant + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }
        return r.Contains('.') ? r : r + ".0";
    }

    private static string? NonFinite(double value) =>
        double.IsNaN(value) ? "nan" : double.IsPositiveInfinity(value) ? "inf" : double.IsNegativeInfinity(value) ? "-inf" : null;

    /// <summary>round(|value| * 10^decimals) with ties to even, exactly.</summary>
    private static BigInteger RoundScaled(double magnitude, int decimals)
    {
        if (magnitude == 0) return BigInteger.Zero;
        long bits = BitConverter.DoubleToInt64Bits(magnitude);
        int rawExponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        BigInteger mantissa = rawExponent == 0 ? fraction : fraction | (1L << 52);
        int binaryExponent = (rawExponent == 0 ? 1 : rawExponent) - 1075;
        // value = mantissa * 2^binaryExponent; scaled = value * 10^decimals = numerator / denominator.
        BigInteger numerator = mantissa, denominator = BigInteger.One;
        if (binaryExponent >= 0) numerator <<= binaryExponent;
        else denominator <<= -binaryExponent;
        if (decimals >= 0) numerator *= BigInteger.Pow(10, decimals);
        else denominator *= BigInteger.Pow(10, -decimals);
        BigInteger quotient = BigInteger.DivRem(numerator, denominator, out BigInteger remainder);
        BigInteger twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !quotient.IsEven)) quotient += 1;
        return quotient;
    }
}
