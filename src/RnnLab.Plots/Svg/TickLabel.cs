using System.Globalization;

namespace RnnLab.Plots.Svg;

/// <summary>
/// A tick label: main text plus an optional superscript (the exponent in 10⁵); <see cref="Small"/>
/// for the digits plotly.js writes between decades on a log axis, in a smaller font.
/// </summary>
internal readonly record struct TickLabel(string Main, string? Superscript = null, bool Small = false)
{
    public override string ToString() => Superscript is null ? Main : $"{Main}^{Superscript}";

    /// <summary>plotly.js writes negative tick values with a true minus sign (U+2212).</summary>
    public const char Minus = '\u2212';

    /// <summary>
    /// plotly.js's shared power of ten for an axis' labels (default exponentformat "B"): none while
    /// the range's larger end stays below 10⁴ (and above 10⁻⁴), else the multiple of three nearest
    /// below its magnitude, written as a suffix: 10k, 1.5M, 2B, 150μ.
    /// </summary>
    public static int Exponent(double low, double high)
    {
        double largest = Math.Max(Math.Abs(low), Math.Abs(high));
        if (!(largest > 0) || !double.IsFinite(largest)) return 0;
        int magnitude = (int)Math.Floor(Math.Log10(largest) + 0.01);
        if (Math.Abs(magnitude) <= 3) return 0;
        // JavaScript's Math.round: halves go up.
        return 3 * (int)Math.Floor((magnitude - 1) / 3.0 + 0.5);
    }

    /// <summary>
    /// A linear tick value as plotly.js writes it: divided by 10^<paramref name="exponent"/> with its
    /// suffix, as many decimals as the step needs, trailing zeros trimmed, a true minus sign.
    /// </summary>
    public static TickLabel Linear(double value, double step, int exponent = 0)
    {
        if (value == 0) return new("0");
        if (!Suffixes.TryGetValue(exponent, out string? suffix))
            return new(value.ToString("0.###e+0", CultureInfo.InvariantCulture).Replace('-', Minus));
        double unit = Math.Pow(10, exponent);
        int decimals = Math.Clamp((int)-Math.Floor(Math.Log10(step / unit) + 1e-9), 0, 15);
        string text = (value / unit).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (text.Contains('.')) text = text.TrimEnd('0').TrimEnd('.');
        return new(text.Replace('-', Minus) + suffix);
    }

    /// <summary>plotly.js's "B" format suffixes (SI, with B for billions).</summary>
    private static readonly Dictionary<int, string> Suffixes = new()
    {
        [-15] = "f", [-12] = "p", [-9] = "n", [-6] = "μ", [-3] = "m", [0] = "", [3] = "k", [6] = "M", [9] = "B", [12] = "T",
    };

    /// <summary>A log-axis tick m·10^d: plain from 0.001 to 1000, else with a superscript exponent.</summary>
    public static TickLabel Log(int mantissa, int exponent)
    {
        string exp = exponent.ToString(CultureInfo.InvariantCulture).Replace('-', Minus);
        if (exponent is >= -3 and <= 3)
        {
            double value = mantissa * Math.Pow(10, exponent);
            return new(value.ToString(exponent < 0 ? "0." + new string('#', -exponent) : "0", CultureInfo.InvariantCulture));
        }
        return mantissa == 1 ? new("10", exp) : new($"{mantissa.ToString(CultureInfo.InvariantCulture)}×10", exp);
    }
}
