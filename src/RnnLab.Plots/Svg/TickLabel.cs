using System.Globalization;

namespace RnnLab.Plots.Svg;

/// <summary>A tick label: main text plus an optional superscript (the exponent in 10⁵).</summary>
internal readonly record struct TickLabel(string Main, string? Superscript = null)
{
    public override string ToString() => Superscript is null ? Main : $"{Main}^{Superscript}";

    /// <summary>
    /// A linear tick value with as many decimals as the step needs (0.00012 with step 0.00001),
    /// SI suffixes from 10 000 on (10k, 1.5M, as Plotly does) and trailing zeros trimmed.
    /// </summary>
    public static TickLabel Linear(double value, double step)
    {
        if (value == 0) return new("0");
        if (step < 1e-6 || Math.Abs(value) >= 1e15)
            return new(value.ToString("0.###e0", CultureInfo.InvariantCulture));
        double magnitude = Math.Abs(value);
        (double unit, string suffix) = magnitude switch
        {
            >= 1e12 => (1e12, "T"),
            >= 1e9 => (1e9, "G"),
            >= 1e6 => (1e6, "M"),
            >= 1e4 => (1e3, "k"),
            _ => (1.0, ""),
        };
        int decimals = Math.Clamp((int)-Math.Floor(Math.Log10(step / unit) + 1e-9), 0, 12);
        string text = (value / unit).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (text.Contains('.')) text = text.TrimEnd('0').TrimEnd('.');
        return new(text + suffix);
    }

    /// <summary>A log-axis tick m·10^d: plain from 0.001 to 1000, else with a superscript exponent.</summary>
    public static TickLabel Log(int mantissa, int exponent)
    {
        string exp = exponent.ToString(CultureInfo.InvariantCulture).Replace('-', '−');
        if (exponent is >= -3 and <= 3)
        {
            double value = mantissa * Math.Pow(10, exponent);
            return new(value.ToString(exponent < 0 ? "0." + new string('#', -exponent) : "0", CultureInfo.InvariantCulture));
        }
        return mantissa == 1 ? new("10", exp) : new($"{mantissa.ToString(CultureInfo.InvariantCulture)}×10", exp);
    }
}
