using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>Bars of one trace, placed by <see cref="BarLayout"/>, with plotly.js's marker colour and outline.</summary>
internal static class BarPainter
{
    public static void Draw(SvgBuilder svg, SubplotFrame plot, FigureTrace trace, TraceStyle style, BarLayout layout)
    {
        var (key, value) = BarLayout.Axes(trace, plot.X, plot.Y);
        var colors = style.MarkerColors;
        var (outline, outlineWidth) = style.MarkerOutline;
        svg.Raw("<g").Fill(style.MarkerColor);
        if (outlineWidth > 0) svg.Stroke(outline).Attr("stroke-width", outlineWidth);
        double opacity = style.Opacity * style.MarkerOpacity;
        if (opacity < 1) svg.Attr("opacity", opacity);
        svg.Raw(">\n");
        foreach (var bar in layout.BarsOf(trace))
        {
            // On a log axis a bar from zero starts at the bottom of the axis.
            double start = bar.Base == 0 && value.Kind == ScaleKind.Log ? value.Span.Low : value.ToScale(bar.Base);
            double end = value.ToScale(bar.End);
            if (double.IsNaN(start) || double.IsNaN(end)) continue;
            double k0 = key.ToPixel(bar.Center - bar.HalfWidth), k1 = key.ToPixel(bar.Center + bar.HalfWidth);
            double v0 = value.ToPixel(start), v1 = value.ToPixel(end);
            if (trace.IsHorizontal) svg.Rect(v0, k0, v1, k1);
            else svg.Rect(k0, v0, k1, v1);
            if (colors is not null && bar.Point < colors.Length && colors[bar.Point] is { } c) svg.Fill(c);
            svg.Raw("/>\n");
        }
        svg.Raw("</g>\n");
    }
}
