using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// plotly.js's scaleanchor: an axis with <c>scaleanchor: "x"</c> gets scaleratio times the pixels
/// per unit of x (1 for an equal-aspect phase plane). With constrain "range" (the default) the
/// axis with too many pixels per unit widens its range about its centre; with "domain" it
/// shrinks its length about its centre instead.
/// </summary>
internal static class EqualAspect
{
    public static void Apply(IReadOnlyDictionary<AxisId, AxisFrame> axes)
    {
        foreach (var axis in axes.Values)
        {
            if (AxisId.Parse(axis.Style.String("scaleanchor")) is not { } anchorId
                || !axes.TryGetValue(anchorId, out var anchor) || ReferenceEquals(anchor, axis)) continue;
            double ratio = axis.Style.Number("scaleratio") is { } r && r > 0 ? r : 1;
            double mine = axis.PixelsPerUnit, wanted = ratio * anchor.PixelsPerUnit;
            if (mine > wanted * (1 + 1e-9)) Loosen(axis, wanted);
            else if (mine < wanted * (1 - 1e-9)) Loosen(anchor, mine / ratio);
        }
    }

    /// <summary>Brings <paramref name="axis"/> down to <paramref name="pixelsPerUnit"/>.</summary>
    private static void Loosen(AxisFrame axis, double pixelsPerUnit)
    {
        if (axis.Style.String("constrain") == "domain")
        {
            double length = Math.Abs(axis.R1 - axis.R0) * pixelsPerUnit;
            axis.Offset += (axis.Length - length) / 2;
            axis.Length = length;
            return;
        }
        double centre = (axis.R0 + axis.R1) / 2, half = axis.Length / pixelsPerUnit / 2;
        double direction = Math.Sign(axis.R1 - axis.R0);
        axis.R0 = centre - direction * half;
        axis.R1 = centre + direction * half;
    }
}
