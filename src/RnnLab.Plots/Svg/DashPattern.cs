using System.Globalization;

namespace RnnLab.Plots.Svg;

/// <summary>plotly.js's dash names as stroke-dasharray, scaled with the line width as plotly.js scales them.</summary>
internal static class DashPattern
{
    /// <summary>The dasharray for <paramref name="dash"/> ("dot", "dash", ..., or "5px,10px"); null for solid.</summary>
    public static string? For(string? dash, double lineWidth)
    {
        double w = Math.Max(lineWidth, 3);
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        return dash switch
        {
            null or "" or "solid" => null,
            "dot" => $"{F(w)},{F(w)}",
            "dash" => $"{F(3 * w)},{F(3 * w)}",
            "longdash" => $"{F(5 * w)},{F(5 * w)}",
            "dashdot" => $"{F(3 * w)},{F(w)},{F(w)},{F(w)}",
            "longdashdot" => $"{F(5 * w)},{F(2 * w)},{F(w)},{F(2 * w)}",
            // A custom list such as "5px,10px,2px,2px".
            _ => dash.Replace("px", "", StringComparison.Ordinal).Replace('%', ' ').Trim(),
        };
    }
}
