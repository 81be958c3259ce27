using System.Globalization;

namespace RnnLab;

/// <summary>
/// How the helper library prints a number: 4 significant digits, scientific below 1e-3 or from 1e4 (where G4 would switch to its own E+04 form),
/// invariant culture. Short enough for a table, precise enough to read a loss or a tolerance.
/// </summary>
public static class Numbers
{
    /// <summary>A number as the tables print it, e.g. 0.1958, 2.833, 1.19e-07, 0.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        if (value == 0) return "0";
        double magnitude = Math.Abs(value);
        if (magnitude < 1e-3 || magnitude >= 1e4)
            return value.ToString("0.00e+00", CultureInfo.InvariantCulture);
        return value.ToString("G4", CultureInfo.InvariantCulture);
    }

    /// <summary>True for text a table should right-align: a number, "nan", "inf", or a tuple of numbers.</summary>
    internal static bool LooksNumeric(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || text is "nan" or "inf" or "-inf";
}
