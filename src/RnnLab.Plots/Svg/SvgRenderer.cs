using System.Globalization;

namespace RnnLab.Plots.Svg;

/// <summary>
/// Renders a figure to a standalone SVG: presentation attributes only (no CSS, no scripts),
/// invariant numbers, clip-path ids derived from a hash of the content, so the same figure always
/// yields the same bytes and two charts on one page cannot clash.
/// </summary>
internal static class SvgRenderer
{
    private const string IdPlaceholder = "\u0001id\u0001";
    private const double TickLabelHeight = 22;
    private const double AxisTitleHeight = 22;
    private const double NoteLineHeight = 16;

    public static (int Width, int Height) Size(GenericChart chart) =>
        (chart.Layout.Width ?? Theme.DefaultWidth, chart.Layout.Height ?? Theme.DefaultHeight);

    public static string Render(GenericChart chart)
    {
        var (width, height) = Size(chart);
        var notes = new List<string>();
        var layout = chart.Layout;

        var pairs = chart.Traces.Select(t => (t.XAxis, t.YAxis)).Distinct().ToList();
        if (pairs.Count == 0) pairs.Add((1, 1));
        var xAxes = pairs.Select(p => p.XAxis).Distinct().ToDictionary(id => id, id => AxisResolver.Resolve('x', id, chart, notes));
        var yAxes = pairs.Select(p => p.YAxis).Distinct().ToDictionary(id => id, id => AxisResolver.Resolve('y', id, chart, notes));
        AddInvisibleValueNotes(chart, notes);

        var legend = LegendRenderer.Entries(chart);
        bool showLegend = LegendRenderer.IsShown(chart, legend) && legend.Count > 0;

        // Margins: title and subplot titles on top; tick labels, axis titles and notes below.
        bool topRowTitles = layout.Annotations.Any(a => a.Y >= 0.999);
        double top = (layout.Title is null ? 20 : 50) + (topRowTitles ? 24 : 0);
        bool anyXTitle = xAxes.Values.Any(a => a.Style.Title is not null);
        double bottom = 12 + TickLabelHeight + (anyXTitle ? AxisTitleHeight : 0) + NoteLineHeight * notes.Count;
        double right = 20 + (showLegend ? LegendRenderer.Width(legend) + 10 : 0);
        double plotTop = top, plotBottom = height - bottom;

        // Y ticks depend only on heights, so they come first and size the left margin.
        var yTicks = yAxes.ToDictionary(kv => kv.Key, kv => Ticks(kv.Value, DomainLength(kv.Value, plotBottom - plotTop)));
        var yLabelWidths = yTicks.ToDictionary(kv => kv.Key, kv => kv.Value.Labels.Select(l => TextMetrics.Width(l, Theme.FontSize)).DefaultIfEmpty(0).Max());
        var firstColumn = pairs.Where(p => (xAxes[p.XAxis].Style.Domain?.Start ?? 0) <= 1e-9).ToList();
        double left = 14 + firstColumn.Select(p => yLabelWidths[p.YAxis] + (yAxes[p.YAxis].Style.Title is null ? 0 : AxisTitleHeight)).DefaultIfEmpty(0).Max() + 8;
        double plotLeft = left, plotRight = width - right;
        var paper = new PixelRect(plotLeft, plotTop, plotRight, plotBottom);

        var subplots = new List<Subplot>();
        foreach (var (xId, yId) in pairs)
        {
            var x = xAxes[xId];
            var y = yAxes[yId];
            var (x0, x1) = x.Style.Domain ?? (0, 1);
            var (y0, y1) = y.Style.Domain ?? (0, 1);
            // Colour bars without a position (Plotly's default) take room from the plot's right side.
            int colorBars = chart.Traces.Count(t => t.XAxis == xId && t.YAxis == yId && t.HasColorBar && t.ColorBar is null);
            var rect = new PixelRect(
                paper.Left + x0 * paper.Width,
                paper.Bottom - y1 * paper.Height,
                paper.Left + x1 * paper.Width - colorBars * Theme.ColorBarSpace,
                paper.Bottom - y0 * paper.Height);
            var plot = new Subplot(x, y, rect, subplots.Count)
            {
                XTicks = Ticks(x, rect.Width),
                YTicks = yTicks[yId],
                YLabelWidth = yLabelWidths[yId],
            };
            subplots.Add(plot);
        }

        var svg = new SvgBuilder();
        svg.Raw("<svg xmlns=\"http://www.w3.org/2000/svg\"").Attr("width", width).Attr("height", height)
           .Raw(string.Create(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {width} {height}\""))
           .Attr("font-family", Theme.FontFamily).Attr("font-size", Theme.FontSize).Attr("fill", Theme.TextColor).Raw(">\n");
        // The accessible name of the drawing, the same words as the notebook image's alt text.
        svg.Raw("<title>").Text(Output.ChartDescription.AltText(chart)).Raw("</title>\n");
        svg.Raw("<rect").Attr("width", width).Attr("height", height).Raw(" fill=\"#ffffff\"/>\n");
        svg.Raw("<defs>\n");
        foreach (var plot in subplots)
        {
            svg.Raw("<clipPath id=\"").Raw(IdPlaceholder).Raw(string.Create(CultureInfo.InvariantCulture, $"-clip{plot.ClipIndex}\">"));
            TraceRenderer.Rect(svg, plot.Rect.Left, plot.Rect.Top, plot.Rect.Right, plot.Rect.Bottom);
            svg.Raw("/></clipPath>\n");
        }
        svg.Raw("</defs>\n");

        foreach (var plot in subplots) DrawSubplot(svg, chart, plot, paper);

        if (showLegend) LegendRenderer.Draw(svg, legend, plotRight + 16, plotTop, plotBottom - plotTop);
        if (layout.Title is { } title)
            svg.Raw("<text").Attr("x", width / 2.0).Attr("y", 32).Attr("font-size", Theme.TitleFontSize)
               .Raw(" text-anchor=\"middle\">").Text(title).Raw("</text>\n");
        foreach (var annotation in layout.Annotations)
            svg.Raw("<text").Attr("x", paper.Left + annotation.X * paper.Width).Attr("y", paper.Bottom - annotation.Y * paper.Height - 8)
               .Attr("font-size", Theme.AxisTitleFontSize).Raw(" text-anchor=\"middle\">").Text(annotation.Text).Raw("</text>\n");
        for (int i = 0; i < notes.Count; i++)
            svg.Raw("<text").Attr("x", 10).Attr("y", height - 8 - NoteLineHeight * (notes.Count - 1 - i))
               .Attr("font-size", Theme.NoteFontSize).Attr("fill", Theme.NoteColor).Raw('>').Text("Note: " + notes[i]).Raw("</text>\n");
        svg.Raw("</svg>\n");

        string body = svg.ToString();
        return body.Replace(IdPlaceholder, "c" + Fnv1a(body).ToString("x8", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static void DrawSubplot(SvgBuilder svg, GenericChart chart, Subplot plot, PixelRect paper)
    {
        var rect = plot.Rect;
        bool xGrid = plot.X.Style.ShowGrid ?? true, yGrid = plot.Y.Style.ShowGrid ?? true;

        // Minor grid (log axes), grid, then zero lines (also at the range edge, as Plotly), all beneath the data.
        GridPath(svg, Theme.MinorGridColor, xGrid ? plot.XTicks.MinorPositions : [], yGrid ? plot.YTicks.MinorPositions : [], plot);
        GridPath(svg, Theme.GridColor, xGrid ? plot.XTicks.Positions : [], yGrid ? plot.YTicks.Positions : [], plot);
        double[] xZero = plot.X.Kind == ScaleKind.Linear && plot.X.Min <= 0 && plot.X.Max >= 0 ? [0] : [];
        double[] yZero = plot.Y.Kind == ScaleKind.Linear && plot.Y.Min <= 0 && plot.Y.Max >= 0 ? [0] : [];
        GridPath(svg, Theme.ZeroLineColor, xZero, yZero, plot);

        svg.Raw("<g clip-path=\"url(#").Raw(IdPlaceholder).Raw(string.Create(CultureInfo.InvariantCulture, $"-clip{plot.ClipIndex})\">\n"));
        var traces = chart.Traces.Select((t, i) => (Trace: t, Index: i))
            .Where(e => e.Trace.XAxis == plot.X.Id && e.Trace.YAxis == plot.Y.Id).ToList();
        var bars = traces.Where(e => e.Trace.Type == TraceType.Bar).ToList();
        foreach (var (trace, index) in traces)
        {
            switch (trace.Type)
            {
                case TraceType.Heatmap:
                    TraceRenderer.Heatmap(svg, plot, trace, HeatmapRange(trace));
                    break;
                case TraceType.Bar:
                    var sameDirection = bars.Where(b => b.Trace.Orientation == trace.Orientation).ToList();
                    TraceRenderer.Bars(svg, plot, trace, index, sameDirection.FindIndex(b => b.Index == index), sameDirection.Count);
                    break;
                default:
                    TraceRenderer.Scatter(svg, plot, trace, index);
                    break;
            }
        }
        svg.Raw("</g>\n");

        for (int i = 0; i < plot.XTicks.Positions.Length; i++)
            Label(svg, plot.XTicks.Labels[i], plot.PixelX(plot.XTicks.Positions[i]), rect.Bottom + 17, "middle");
        for (int i = 0; i < plot.YTicks.Positions.Length; i++)
            Label(svg, plot.YTicks.Labels[i], rect.Left - 6, plot.PixelY(plot.YTicks.Positions[i]) + 4, "end");
        if (plot.X.Style.Title is { } xTitle)
            svg.Raw("<text").Attr("x", (rect.Left + rect.Right) / 2).Attr("y", rect.Bottom + TickLabelHeight + 18)
               .Attr("font-size", Theme.AxisTitleFontSize).Raw(" text-anchor=\"middle\">").Text(xTitle).Raw("</text>\n");
        if (plot.Y.Style.Title is { } yTitle)
        {
            double x = rect.Left - 6 - plot.YLabelWidth - 10, y = (rect.Top + rect.Bottom) / 2;
            svg.Raw("<text").Attr("x", x).Attr("y", y).Attr("font-size", Theme.AxisTitleFontSize)
               .Raw(" text-anchor=\"middle\" transform=\"rotate(-90 ").Num(x).Raw(' ').Num(y).Raw(")\">").Text(yTitle).Raw("</text>\n");
        }

        double barLeft = rect.Right + Theme.ColorBarGap;
        foreach (var (trace, _) in traces.Where(e => e.Trace.HasColorBar))
        {
            var scale = trace.Colorscale ?? Colorscale.Viridis;
            if (trace.ColorBar is { } at)
            {
                // Placed as plotly.js does: x is the bar's left edge, y its middle, len its height (paper fractions).
                double middle = paper.Bottom - at.Y * paper.Height, half = at.Len * paper.Height / 2;
                ColorBarRenderer.Draw(svg, paper.Left + at.X * paper.Width, middle - half, middle + half, scale, HeatmapRange(trace));
                continue;
            }
            ColorBarRenderer.Draw(svg, barLeft, rect.Top, rect.Bottom, scale, HeatmapRange(trace));
            barLeft += Theme.ColorBarSpace;
        }
    }

    /// <summary>A heatmap's colour range; a constant heatmap gets a window so its colour bar has ticks.</summary>
    private static (double Min, double Max) HeatmapRange(Trace trace)
    {
        var range = TraceRenderer.ZRange(trace);
        return range.Max > range.Min ? range : ColorBarRenderer.Widen(range.Min);
    }

    /// <summary>Vertical lines at x positions and horizontal lines at y positions, as one path.</summary>
    private static void GridPath(SvgBuilder svg, string color, double[] xs, double[] ys, Subplot plot)
    {
        if (xs.Length == 0 && ys.Length == 0) return;
        var rect = plot.Rect;
        svg.Raw("<path fill=\"none\"").Attr("stroke", color).Raw(" stroke-width=\"1\" d=\"");
        foreach (double x in xs) svg.Raw('M').Num(plot.PixelX(x)).Raw(' ').Num(rect.Top).Raw('V').Num(rect.Bottom);
        foreach (double y in ys) svg.Raw('M').Num(rect.Left).Raw(' ').Num(plot.PixelY(y)).Raw('H').Num(rect.Right);
        svg.Raw("\"/>\n");
    }

    /// <summary>A tick label at (x, y) with the given text-anchor; exponents as a raised, smaller tspan.</summary>
    internal static void Label(SvgBuilder svg, TickLabel label, double x, double y, string anchor)
    {
        svg.Raw("<text").Attr("x", x).Attr("y", y).Attr("text-anchor", anchor).Raw('>').Text(label.Main);
        if (label.Superscript is { } sup)
            svg.Raw("<tspan dy=\"-5\"").Attr("font-size", Theme.FontSize * 0.75).Raw('>').Text(sup).Raw("</tspan>");
        svg.Raw("</text>\n");
    }

    /// <summary>Ticks for an axis drawn over <paramref name="pixels"/>: at most about one per 80 px along x, 35 px along y.</summary>
    internal static TickSet Ticks(ResolvedAxis axis, double pixels)
    {
        bool horizontal = axis.Letter == 'x';
        int maxCount = Math.Max(2, (int)(pixels / (horizontal ? 80 : 35)));
        switch (axis.Kind)
        {
            case ScaleKind.Log:
                return LogTicks.Create(axis.Min, axis.Max, maxCount, pixels);
            case ScaleKind.Category:
                return CategoryTicks(axis, pixels, horizontal);
            default:
                var ticks = NiceTicks.Linear(axis.Min, axis.Max, maxCount);
                // Along x, wide labels (1.00012, 250k) must not touch: fewer ticks until they fit.
                while (horizontal && maxCount > 2
                       && ticks.Labels.Sum(l => TextMetrics.Width(l, Theme.FontSize) + 12) > pixels)
                    ticks = NiceTicks.Linear(axis.Min, axis.Max, --maxCount);
                return ticks;
        }
    }

    private static TickSet CategoryTicks(ResolvedAxis axis, double pixels, bool horizontal)
    {
        var visible = Enumerable.Range(0, axis.Categories.Count).Where(i => i >= axis.Min && i <= axis.Max).ToList();
        var labels = visible.Select(i => new TickLabel(TextMetrics.Truncate(axis.Categories[i], 14))).ToList();
        double needed = horizontal
            ? labels.Select(l => TextMetrics.Width(l, Theme.FontSize) + 8).DefaultIfEmpty(0).Max()
            : 16;
        int stride = Math.Max(1, (int)Math.Ceiling(needed * visible.Count / Math.Max(1, pixels)));
        var kept = Enumerable.Range(0, visible.Count).Where(k => k % stride == 0).ToList();
        return new TickSet([.. kept.Select(k => (double)visible[k])], [.. kept.Select(k => labels[k])], []);
    }

    private static double DomainLength(ResolvedAxis axis, double paperLength)
    {
        var (start, end) = axis.Style.Domain ?? (0, 1);
        return (end - start) * paperLength;
    }

    /// <summary>Notes for values that cannot be drawn: NaN and ±∞ leave gaps, and the chart says so.</summary>
    private static void AddInvisibleValueNotes(GenericChart chart, List<string> notes)
    {
        for (int i = 0; i < chart.Traces.Length; i++)
        {
            var trace = chart.Traces[i];
            string name = $"\"{TraceStyle.DisplayName(trace, i)}\"";
            if (trace.Type == TraceType.Heatmap)
            {
                int cells = trace.Z!.Sum(row => row.Count(v => !double.IsFinite(v)));
                if (cells > 0) notes.Add($"{name}: {Count(cells, "NaN/infinite cell")} left blank");
                continue;
            }
            int n = Math.Min(trace.X!.Count, trace.Y!.Count), bad = 0;
            for (int k = 0; k < n; k++)
                if (!IsFiniteAt(trace.X, k) || !IsFiniteAt(trace.Y, k)) bad++;
            if (bad == 0) continue;
            string effect = TraceStyle.HasLines(trace) ? "not drawn (gaps in the line)" : "not drawn";
            notes.Add($"{name}: {Count(bad, "NaN/infinite point")} {effect}");
        }
    }

    private static bool IsFiniteAt(DataColumn column, int index) =>
        column.Numbers is not { } numbers || double.IsFinite(numbers[index]);

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash ^= c;
            hash *= 16777619;
        }
        return hash;
    }
}
