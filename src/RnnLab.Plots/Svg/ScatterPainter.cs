using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// Scatter traces: lines broken at values that cannot be drawn (plotly.js's connectgaps = false),
/// step shapes, markers. A long line whose x never decreases is thinned per pixel column without
/// changing its picture (<see cref="LineDecimator"/>). A lone point between gaps, which plotly.js
/// would not show at all, is drawn as a dot so no value vanishes silently.
/// </summary>
internal static class ScatterPainter
{
    public static void Draw(SvgBuilder svg, SubplotFrame plot, FigureTrace trace, TraceStyle style)
    {
        var xs = trace.X!;
        var ys = trace.Y!;
        int n = Math.Min(xs.Count, ys.Count);
        var px = new double[n];
        var py = new double[n];
        var valid = new bool[n];
        for (int i = 0; i < n; i++)
        {
            double sx = plot.X.ToScale(xs, i), sy = plot.Y.ToScale(ys, i);
            valid[i] = !double.IsNaN(sx) && !double.IsNaN(sy);
            if (!valid[i]) continue;
            px[i] = plot.X.ToPixel(sx);
            py[i] = plot.Y.ToPixel(sy);
        }
        bool grouped = style.Opacity < 1;
        if (grouped) svg.Raw("<g").Attr("opacity", style.Opacity).Raw(">\n");
        if (trace.HasLines && style.LineWidth > 0) Lines(svg, plot, trace, style, px, py, valid);
        if (trace.HasMarkers) Markers(svg, style, px, py, valid);
        if (grouped) svg.Raw("</g>\n");
    }

    private static void Lines(SvgBuilder svg, SubplotFrame plot, FigureTrace trace, TraceStyle style, double[] px, double[] py, bool[] valid)
    {
        int n = px.Length;
        double width = style.LineWidth;
        svg.Raw("<g fill=\"none\"").Stroke(style.LineColor).Attr("stroke-width", width)
           .Raw(" stroke-linejoin=\"round\"");
        if (DashPattern.For(style.Dash, width) is { } dash) svg.Attr("stroke-dasharray", dash);
        svg.Raw(">\n");
        string shape = trace.Style.String("line.shape") ?? "linear";
        bool connect = trace.Style.Bool("connectgaps") == true;
        int start = 0;
        while (start < n)
        {
            while (start < n && !valid[start]) start++;
            int end = start;
            // A run of drawable points; with connectgaps the run bridges the undrawable ones.
            while (end < n && (valid[end] || (connect && NextValid(valid, end) < n))) end++;
            var run = Enumerable.Range(start, end - start).Where(i => valid[i]).ToList();
            if (run.Count >= 2)
                Polyline(svg, px, py, run, shape, decimate: !trace.HasMarkers && shape == "linear" && run.Count > 2 * plot.Rect.Width);
            else if (run.Count == 1 && !trace.HasMarkers)
                svg.Raw("<circle").Attr("cx", px[run[0]]).Attr("cy", py[run[0]]).Attr("r", Math.Max(width, 2.5))
                   .Fill(style.LineColor).Raw(" stroke=\"none\"/>\n");
            start = end;
        }
        svg.Raw("</g>\n");
    }

    private static int NextValid(bool[] valid, int from)
    {
        int i = from;
        while (i < valid.Length && !valid[i]) i++;
        return i;
    }

    private static void Polyline(SvgBuilder svg, double[] px, double[] py, List<int> run, string shape, bool decimate)
    {
        IReadOnlyList<int> points = run;
        if (decimate)
        {
            var rx = run.Select(i => px[i]).ToArray();
            var ry = run.Select(i => py[i]).ToArray();
            if (LineDecimator.Keep(rx, ry, 0, rx.Length) is { } kept) points = [.. kept.Select(k => run[k])];
        }
        svg.Raw("<polyline points=\"");
        bool first = true;
        for (int k = 0; k < points.Count; k++)
        {
            int i = points[k];
            if (k > 0)
            {
                int prev = points[k - 1];
                // Step shapes: the corner points between two data points.
                switch (shape)
                {
                    case "hv": Point(svg, ref first, px[i], py[prev]); break;
                    case "vh": Point(svg, ref first, px[prev], py[i]); break;
                    case "hvh":
                        double mx = (px[prev] + px[i]) / 2;
                        Point(svg, ref first, mx, py[prev]);
                        Point(svg, ref first, mx, py[i]);
                        break;
                    case "vhv":
                        double my = (py[prev] + py[i]) / 2;
                        Point(svg, ref first, px[prev], my);
                        Point(svg, ref first, px[i], my);
                        break;
                }
            }
            Point(svg, ref first, px[i], py[i]);
        }
        svg.Raw("\"/>\n");

        static void Point(SvgBuilder svg, ref bool first, double x, double y)
        {
            if (!first) svg.Raw(' ');
            first = false;
            svg.Num(x).Raw(',').Num(y);
        }
    }

    private static void Markers(SvgBuilder svg, TraceStyle style, double[] px, double[] py, bool[] valid)
    {
        var colors = style.MarkerColors;
        svg.Raw("<g");
        MarkerPaint(svg, style);
        svg.Raw(">\n");
        string symbol = style.MarkerSymbol;
        double size = style.MarkerSize;
        for (int i = 0; i < px.Length; i++)
        {
            if (!valid[i]) continue;
            MarkerShapes.Open(svg, symbol, px[i], py[i], size);
            if (colors is not null && i < colors.Length && colors[i] is { } c) svg.Fill(c);
            svg.Raw("/>\n");
        }
        svg.Raw("</g>\n");
    }

    /// <summary>The marker group's paint: filled, or outlined for "-open" symbols and the x.</summary>
    public static void MarkerPaint(SvgBuilder svg, TraceStyle style)
    {
        string symbol = style.MarkerSymbol;
        var (outline, outlineWidth) = style.MarkerOutline;
        if (symbol.EndsWith("-open", StringComparison.Ordinal) || symbol == "x")
            svg.Raw(" fill=\"none\"").Stroke(style.MarkerColor).Attr("stroke-width", Math.Max(1, outlineWidth));
        else
        {
            svg.Fill(style.MarkerColor);
            if (outlineWidth > 0) svg.Stroke(outline).Attr("stroke-width", outlineWidth);
        }
        if (style.MarkerOpacity < 1) svg.Attr("opacity", style.MarkerOpacity);
    }
}
