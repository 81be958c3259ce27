namespace RnnLab.Plots.Svg;

/// <summary>Draws traces into their subplot: lines with gaps, markers, grouped bars, heatmap cells.</summary>
internal static class TraceRenderer
{
    public static void Scatter(SvgBuilder svg, Subplot plot, Trace trace, int index)
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
            px[i] = plot.PixelX(sx);
            py[i] = plot.PixelY(sy);
        }

        bool lines = TraceStyle.HasLines(trace), markers = TraceStyle.HasMarkers(trace);
        if (lines)
        {
            string color = TraceStyle.LineColor(trace, index);
            double width = TraceStyle.LineWidth(trace);
            svg.Raw("<g fill=\"none\"").Attr("stroke", color).Attr("stroke-width", width)
               .Raw(" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
            if (TraceStyle.DashArray(trace) is { } dash) svg.Attr("stroke-dasharray", dash);
            svg.Raw(">\n");
            // Split at points that cannot be drawn: a visible gap, as plotly.js does (connectgaps=false).
            int start = 0;
            while (start < n)
            {
                while (start < n && !valid[start]) start++;
                int end = start;
                while (end < n && valid[end]) end++;
                if (end - start >= 2) Polyline(svg, px, py, start, end, decimate: !markers && end - start > 2 * plot.Rect.Width);
                else if (end - start == 1 && !markers)
                    // A lone point between gaps would vanish in a line; show it as a dot.
                    svg.Raw("<circle").Attr("cx", px[start]).Attr("cy", py[start]).Attr("r", Math.Max(width, 2.5))
                       .Attr("fill", color).Raw(" stroke=\"none\"/>\n");
                start = end;
            }
            svg.Raw("</g>\n");
        }
        if (markers)
        {
            svg.Raw("<g").Attr("fill", TraceStyle.MarkerColor(trace, index)).Raw(">\n");
            double r = TraceStyle.MarkerSize(trace) / 2;
            for (int i = 0; i < n; i++)
                if (valid[i]) svg.Raw("<circle").Attr("cx", px[i]).Attr("cy", py[i]).Attr("r", r).Raw("/>\n");
            svg.Raw("</g>\n");
        }
    }

    private static void Polyline(SvgBuilder svg, double[] px, double[] py, int start, int end, bool decimate)
    {
        svg.Raw("<polyline points=\"");
        var kept = decimate ? LineDecimator.Keep(px, py, start, end) : null;
        if (kept is null)
            for (int i = start; i < end; i++) Point(svg, px[i], py[i], i == start);
        else
            for (int k = 0; k < kept.Count; k++) Point(svg, px[kept[k]], py[kept[k]], k == 0);
        svg.Raw("\"/>\n");
    }

    private static void Point(SvgBuilder svg, double x, double y, bool first)
    {
        if (!first) svg.Raw(' ');
        svg.Num(x).Raw(',').Num(y);
    }

    /// <summary>Bars of one trace; <paramref name="slot"/> of <paramref name="slots"/> bar traces sharing the subplot.</summary>
    public static void Bars(SvgBuilder svg, Subplot plot, Trace trace, int index, int slot, int slots)
    {
        bool vertical = trace.Orientation != Orientation.Horizontal;
        var keyAxis = vertical ? plot.X : plot.Y;
        var valueAxis = vertical ? plot.Y : plot.X;
        var keys = vertical ? trace.X! : trace.Y!;
        var values = vertical ? trace.Y! : trace.X!;
        double slotWidth = BarGeometry.SlotWidth(keys, keyAxis);
        double barWidth = slotWidth * BarGeometry.FilledFraction / slots;
        double offset = -slotWidth * BarGeometry.FilledFraction / 2 + slot * barWidth;
        // Bars grow from zero; on a log axis (no zero) from the bottom of the axis.
        double baseline = valueAxis.Kind == ScaleKind.Linear ? 0 : valueAxis.Min;

        svg.Raw("<g").Attr("fill", TraceStyle.MarkerColor(trace, index)).Raw(">\n");
        for (int i = 0; i < Math.Min(keys.Count, values.Count); i++)
        {
            double k = keyAxis.ToScale(keys, i), v = valueAxis.ToScale(values, i);
            if (double.IsNaN(k) || double.IsNaN(v)) continue;
            double k0 = k + offset, k1 = k0 + barWidth;
            var (x0, x1, y0, y1) = vertical
                ? (plot.PixelX(k0), plot.PixelX(k1), plot.PixelY(baseline), plot.PixelY(v))
                : (plot.PixelX(baseline), plot.PixelX(v), plot.PixelY(k0), plot.PixelY(k1));
            Rect(svg, x0, y0, x1, y1);
            svg.Raw("/>\n");
        }
        svg.Raw("</g>\n");
    }

    /// <summary>Heatmap cells coloured on [zmin, zmax]; NaN and infinite cells stay empty.</summary>
    public static void Heatmap(SvgBuilder svg, Subplot plot, Trace trace, (double Min, double Max) zRange)
    {
        var z = trace.Z!;
        double[] xEdges = HeatmapGeometry.Edges(trace.X, z[0].Length, plot.X);
        double[] yEdges = HeatmapGeometry.Edges(trace.Y, z.Length, plot.Y);
        var scale = trace.Colorscale ?? Colorscale.Viridis;
        double span = zRange.Max - zRange.Min;
        svg.Raw("<g shape-rendering=\"crispEdges\">\n");
        for (int r = 0; r < z.Length; r++)
        {
            double y0 = plot.PixelY(yEdges[r]), y1 = plot.PixelY(yEdges[r + 1]);
            if (double.IsNaN(y0) || double.IsNaN(y1)) continue;
            for (int c = 0; c < z[r].Length; c++)
            {
                double value = z[r][c];
                if (!double.IsFinite(value)) continue;
                double x0 = plot.PixelX(xEdges[c]), x1 = plot.PixelX(xEdges[c + 1]);
                if (double.IsNaN(x0) || double.IsNaN(x1)) continue;
                Rect(svg, x0, y0, x1, y1);
                svg.Attr("fill", scale.ColorAt(span > 0 ? (value - zRange.Min) / span : 0.5)).Raw("/>\n");
            }
        }
        svg.Raw("</g>\n");
    }

    /// <summary>The finite value range of a heatmap (0..1 when it has none).</summary>
    public static (double Min, double Max) ZRange(Trace trace)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var row in trace.Z!)
            foreach (double v in row)
                if (double.IsFinite(v))
                {
                    lo = Math.Min(lo, v);
                    hi = Math.Max(hi, v);
                }
        return double.IsFinite(lo) ? (lo, hi) : (0, 1);
    }

    /// <summary>An open &lt;rect&gt; between two corners given in any order (caller adds attributes and closes it).</summary>
    public static void Rect(SvgBuilder svg, double x0, double y0, double x1, double y1) =>
        svg.Raw("<rect").Attr("x", Math.Min(x0, x1)).Attr("y", Math.Min(y0, y1))
           .Attr("width", Math.Abs(x1 - x0)).Attr("height", Math.Abs(y1 - y0));
}
