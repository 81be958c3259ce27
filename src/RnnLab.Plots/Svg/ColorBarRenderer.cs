namespace RnnLab.Plots.Svg;

/// <summary>
/// A heatmap's colour bar: stacked bands (no gradient, so no ids and nothing a sanitizer could
/// strip) beside the plot, with nice ticks over the data range.
/// </summary>
internal static class ColorBarRenderer
{
    private const int Bands = 64;

    public static void Draw(SvgBuilder svg, double left, double top, double bottom, Colorscale scale, (double Min, double Max) zRange)
    {
        double height = bottom - top, right = left + Theme.ColorBarThickness;
        svg.Raw("<g shape-rendering=\"crispEdges\">\n");
        for (int band = 0; band < Bands; band++)
        {
            // Bands overlap by a pixel fraction so no seams show between them.
            double y1 = bottom - band * height / Bands, y0 = bottom - (band + 1) * height / Bands;
            TraceRenderer.Rect(svg, left, y0 - (band + 1 < Bands ? 0.5 : 0), right, y1);
            svg.Attr("fill", scale.ColorAt((band + 0.5) / Bands)).Raw("/>\n");
        }
        svg.Raw("</g>\n");
        TraceRenderer.Rect(svg, left, top, right, bottom);
        svg.Raw(" fill=\"none\"").Attr("stroke", Theme.TextColor).Raw(" stroke-width=\"0.5\"/>\n");

        var (lo, hi) = zRange.Max > zRange.Min ? zRange : Widen(zRange.Min);
        var ticks = NiceTicks.Linear(lo, hi, Math.Max(2, (int)(height / 40)));
        svg.Raw("<g").Attr("stroke", Theme.TextColor).Raw(">\n");
        for (int i = 0; i < ticks.Positions.Length; i++)
        {
            double y = bottom - (ticks.Positions[i] - lo) / (hi - lo) * height;
            svg.Raw("<line").Attr("x1", right).Attr("y1", y).Attr("x2", right + 4).Attr("y2", y).Raw("/>\n");
        }
        svg.Raw("</g>\n");
        for (int i = 0; i < ticks.Positions.Length; i++)
        {
            double y = bottom - (ticks.Positions[i] - lo) / (hi - lo) * height;
            SvgRenderer.Label(svg, ticks.Labels[i], right + 7, y + 4, "start");
        }
    }

    /// <summary>A window around a constant heatmap's single value, cells drawn at its middle colour.</summary>
    public static (double, double) Widen(double value)
    {
        double half = value == 0 ? 1 : Math.Abs(value) * 0.1;
        return (value - half, value + half);
    }
}
