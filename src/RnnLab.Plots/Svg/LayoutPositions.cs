using System.Text.Json;
using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// Pixels of positions given in layout items (annotations, shapes): xref/yref "paper" (fractions
/// of the plot area), "x2 domain" (fractions of an axis' domain) or an axis ("x", "y2": data on
/// that axis). An unset ref means the first axis, as in plotly.js.
/// </summary>
internal sealed class LayoutPositions(IReadOnlyDictionary<AxisId, AxisFrame> axes, PixelRect plot)
{
    /// <summary>The pixel of <paramref name="value"/> along <paramref name="letter"/> for ref <paramref name="reference"/>; null when the ref names no drawn axis.</summary>
    public double? Pixel(char letter, string? reference, JsonElement? value)
    {
        reference ??= letter.ToString();
        if (reference == "paper")
        {
            double f = JsonValues.ToDouble(value ?? default);
            return letter == 'x' ? plot.Left + f * plot.Width : plot.Bottom - f * plot.Height;
        }
        bool domain = reference.EndsWith(" domain", StringComparison.Ordinal);
        if (AxisId.Parse(domain ? reference[..^7] : reference) is not { } id || id.Letter != letter || !axes.TryGetValue(id, out var axis))
            return null;
        if (domain)
        {
            double f = JsonValues.ToDouble(value ?? default);
            return axis.IsX ? axis.Offset + f * axis.Length : axis.Offset + axis.Length - f * axis.Length;
        }
        double scale = axis.PositionToScale(value);
        return double.IsNaN(scale) ? double.NaN : axis.ToPixel(scale);
    }

    /// <summary>The pixel of a plain number (a path coordinate): a fraction on paper/domain refs, data (or a category index) on an axis.</summary>
    public double? Pixel(char letter, string? reference, double value)
    {
        reference ??= letter.ToString();
        if (reference == "paper") return letter == 'x' ? plot.Left + value * plot.Width : plot.Bottom - value * plot.Height;
        bool domain = reference.EndsWith(" domain", StringComparison.Ordinal);
        if (AxisId.Parse(domain ? reference[..^7] : reference) is not { } id || id.Letter != letter || !axes.TryGetValue(id, out var axis))
            return null;
        if (domain) return axis.IsX ? axis.Offset + value * axis.Length : axis.Offset + axis.Length - value * axis.Length;
        double scale = axis.Kind == ScaleKind.Category ? value : axis.ToScale(value);
        return double.IsNaN(scale) ? double.NaN : axis.ToPixel(scale);
    }

    /// <summary>The axis a ref draws against (null for paper and domain refs).</summary>
    public AxisFrame? Axis(char letter, string? reference) =>
        AxisId.Parse(reference ?? letter.ToString()) is { } id && axes.TryGetValue(id, out var axis) ? axis : null;

    public PixelRect Plot => plot;
}
