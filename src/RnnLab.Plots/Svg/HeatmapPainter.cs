using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// Heatmap cells as rectangles ("bricks", as plotly.js draws them without zsmooth). Cell edges lie
/// halfway between neighbouring centres and half a step beyond the ends; an x (or y) array one
/// longer than the row gives the edges themselves. NaN cells stay empty.
/// </summary>
internal static class HeatmapPainter
{
    public static int Columns(FigureTrace trace) => trace.Z is null || trace.Z.Length == 0 ? 0 : trace.Z.Max(r => r.Length);

    /// <summary>The n + 1 cell edges along <paramref name="axis"/>, in its scale units.</summary>
    public static double[] Edges(FigureTrace trace, AxisFrame axis)
    {
        int count = axis.IsX ? Columns(trace) : trace.Z?.Length ?? 0;
        var labels = axis.IsX ? trace.X : trace.Y;
        string letter = axis.IsX ? "x" : "y";
        double start = trace.Style.Number(letter + "0") ?? 0, step = trace.Style.Number("d" + letter) ?? 1;
        var edges = new double[count + 1];
        if (count == 0) return [];
        if (labels is not null && labels.Count == count + 1 && axis.Kind != ScaleKind.Category)
        {
            for (int i = 0; i <= count; i++) edges[i] = axis.ToScale(labels, i);
            return edges;
        }
        var centres = new double[count];
        for (int i = 0; i < count; i++)
            centres[i] = labels is not null && i < labels.Count ? axis.ToScale(labels, i)
                : axis.Kind == ScaleKind.Log ? axis.ToScale(start + i * step)
                : start + i * step;
        if (count == 1)
        {
            edges[0] = centres[0] - 0.5;
            edges[1] = centres[0] + 0.5;
            return edges;
        }
        for (int i = 1; i < count; i++) edges[i] = (centres[i - 1] + centres[i]) / 2;
        edges[0] = centres[0] - (centres[1] - centres[0]) / 2;
        edges[count] = centres[count - 1] + (centres[count - 1] - centres[count - 2]) / 2;
        return edges;
    }

    public static void Draw(SvgBuilder svg, SubplotFrame plot, FigureTrace trace, HeatmapColoring coloring, TraceStyle style)
    {
        var z = trace.Z!;
        // Whole-pixel edges: neighbouring cells share an edge exactly, so no seam shows between them.
        double[] xPixels = Array.ConvertAll(Edges(trace, plot.X), e => Math.Round(plot.X.ToPixel(e)));
        double[] yPixels = Array.ConvertAll(Edges(trace, plot.Y), e => Math.Round(plot.Y.ToPixel(e)));
        double xGap = (trace.Style.Number("xgap") ?? 0) / 2, yGap = (trace.Style.Number("ygap") ?? 0) / 2;
        svg.Raw("<g shape-rendering=\"crispEdges\"");
        if (style.Opacity < 1) svg.Attr("opacity", style.Opacity);
        svg.Raw(">\n");
        for (int r = 0; r < z.Length; r++)
        {
            double y0 = yPixels[r], y1 = yPixels[r + 1];
            if (!double.IsFinite(y0) || !double.IsFinite(y1)) continue;
            for (int c = 0; c < z[r].Length; c++)
            {
                double value = z[r][c];
                if (!double.IsFinite(value)) continue;
                double x0 = xPixels[c], x1 = xPixels[c + 1];
                if (!double.IsFinite(x0) || !double.IsFinite(x1)) continue;
                svg.Rect(Math.Min(x0, x1) + xGap, Math.Min(y0, y1) + yGap, Math.Max(x0, x1) - xGap, Math.Max(y0, y1) - yGap)
                   .Fill(coloring.ColorOf(value)).Raw("/>\n");
            }
        }
        svg.Raw("</g>\n");
    }
}
