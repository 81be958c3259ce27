using System.Globalization;
using System.Text.Json;
using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// Renders a Plotly figure to a standalone SVG the way plotly.js lays it out: size and margins,
/// axes in their domains (explicit or from layout.grid), margins grown for the legend, colour
/// bars and (with automargin) tick labels, then backgrounds, grid, traces, axes, shapes,
/// annotations, colour bars, legend and title. Presentation attributes only (no CSS, no script);
/// invariant numbers; ids derived from a hash of the content, so the same figure always gives the
/// same bytes and two charts on one page cannot clash.
/// </summary>
internal static class FigureRenderer
{
    private const string IdPlaceholder = "\u0001id\u0001";
    private const double NoteLineHeight = 14;
    private const double NoteFontSize = 10;
    private static readonly CssColor NoteColor = CssColor.Parse("#b3261e")!.Value;

    /// <summary>The figure's size: layout.width/height, else plotly.js's 700 × 450.</summary>
    public static (int Width, int Height) Size(Figure figure) =>
        ((int)Math.Round(Math.Max(10, figure.Layout.Own.Member("width").AsNumber() ?? 700)),
         (int)Math.Round(Math.Max(10, figure.Layout.Own.Member("height").AsNumber() ?? 450)));

    public static string Render(Figure figure)
    {
        var notes = new FigureNotes();
        var look = FigureLook.Read(figure);
        var (width, height) = Size(figure);
        AttributeCheck.Check(figure, notes);
        var plotted = Plotted(figure, look, notes);

        var pairs = plotted.Select(t => (t.XAxis, t.YAxis)).Distinct().ToList();
        if (pairs.Count == 0) pairs.Add((AxisId.X1, AxisId.Y1));
        var axes = new SortedDictionary<AxisId, AxisFrame>();
        foreach (var id in pairs.SelectMany(p => new[] { p.XAxis, p.YAxis }))
            if (!axes.ContainsKey(id)) axes[id] = AxisKinds.Create(figure, id, plotted, notes);
        PlaceInGrid(figure, axes, pairs, notes);
        foreach (var trace in plotted)
        {
            if (trace.IsBar) axes[trace.IsHorizontal ? trace.YAxis : trace.XAxis].GridByDefault = false;
            if (trace.IsHeatmap) axes[trace.XAxis].OutsideTicksByDefault = axes[trace.YAxis].OutsideTicksByDefault = true;
        }
        var subplots = pairs.Select((p, i) => new SubplotFrame(axes[p.XAxis], axes[p.YAxis], i)).ToList();
        DataNotes.Add(plotted, axes, notes);

        var colorings = plotted.Where(t => t.IsHeatmap).ToDictionary(t => t.Index, t => HeatmapColoring.For(t, figure));
        var colorBars = plotted.Where(t => t.IsHeatmap && (t.Style.Bool("showscale") ?? true))
            .Select(t => new ColorBarBox(t, colorings[t.Index], look)).ToList();

        var requested = RequestedMargins(figure);
        var margins = requested;
        LegendBox? legend = null;
        for (int pass = 0; ; pass++)
        {
            var plot = margins.PlotArea(width, height);
            legend = LegendBox.Create(figure, figure.Traces, look, plot.Width, plot.Height);
            Place(axes.Values, plot);
            AxisRanges.Compute(figure, axes, plotted, subplots);
            EqualAspect.Apply(axes);
            foreach (var axis in axes.Values) axis.Ticks = AxisTicks.For(axis, new AxisPainter(axis, look, plot).FontSize);
            var grown = Grow(figure, requested, width, height, plot, axes.Values, look, legend, colorBars, notes);
            if (pass == 2 || Same(grown, margins)) break;
            margins = grown;
        }

        var area = margins.PlotArea(width, height);
        var positions = new LayoutPositions(axes, area);
        var svg = new SvgBuilder();
        svg.Raw("<svg xmlns=\"http://www.w3.org/2000/svg\"").Attr("width", width).Attr("height", height)
           .Raw(string.Create(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {width} {height}\""))
           .Attr("font-family", look.FontFamily).Attr("font-size", look.FontSize).Fill(look.FontColor).Raw(">\n");
        // The drawing's accessible name: the same words as the notebook image's alt text.
        svg.Raw("<title>").Text(FigureDescription.AltText(figure)).Raw("</title>\n");
        svg.Rect(0, 0, width, height).Fill(look.PaperBackground).Raw("/>\n");
        svg.Raw("<defs>\n");
        foreach (var plot in subplots)
        {
            svg.Raw("<clipPath id=\"").Raw(IdPlaceholder).Raw(plot.ClipSuffix).Raw("\">");
            svg.Rect(plot.Rect.Left, plot.Rect.Top, plot.Rect.Right, plot.Rect.Bottom).Raw("/></clipPath>\n");
        }
        svg.Raw("</defs>\n");
        if (look.PlotBackground != look.PaperBackground)
            foreach (var plot in subplots)
                svg.Rect(plot.Rect.Left, plot.Rect.Top, plot.Rect.Right, plot.Rect.Bottom).Fill(look.PlotBackground).Raw("/>\n");

        string? ClipOf(AxisFrame x, AxisFrame y) =>
            subplots.FirstOrDefault(p => p.X == x && p.Y == y) is { } s ? IdPlaceholder + s.ClipSuffix : null;
        ShapePainter.Draw(svg, figure, positions, "below", ClipOf, notes);
        foreach (var plot in subplots)
        {
            new AxisPainter(plot.X, look, area).Grid(svg, plot.Rect);
            new AxisPainter(plot.Y, look, area).Grid(svg, plot.Rect);
        }
        foreach (var plot in subplots)
        {
            bool barsUp = plotted.Any(t => t.IsBar && !t.IsHorizontal && t.XAxis == plot.X.Id && t.YAxis == plot.Y.Id);
            bool barsAcross = plotted.Any(t => t.IsBar && t.IsHorizontal && t.XAxis == plot.X.Id && t.YAxis == plot.Y.Id);
            new AxisPainter(plot.X, look, area).ZeroLine(svg, plot.Rect, barsAcross);
            new AxisPainter(plot.Y, look, area).ZeroLine(svg, plot.Rect, barsUp);
        }
        ShapePainter.Draw(svg, figure, positions, "between", ClipOf, notes);
        DrawTraces(svg, figure, plotted, subplots, colorings, look);
        foreach (var axis in axes.Values) new AxisPainter(axis, look, area).Draw(svg);
        ShapePainter.Draw(svg, figure, positions, "above", ClipOf, notes);
        AnnotationPainter.Draw(svg, figure, positions, look, notes);
        for (int i = 0; i < colorBars.Count; i++)
            colorBars[i].Draw(svg, area, IdPlaceholder + "-bar" + i.ToString(CultureInfo.InvariantCulture));
        legend?.Draw(svg, area);
        TitlePainter.Draw(svg, figure, look, width, height, area, requested.Top);
        if (notes.Hidden.Count > 0) svg.Comment("Not rendered: " + string.Join("; ", notes.Hidden));
        for (int i = 0; i < notes.Visible.Count; i++)
            svg.Raw("<text").Attr("x", 6).Attr("y", height - 5 - NoteLineHeight * (notes.Visible.Count - 1 - i))
               .Attr("font-size", NoteFontSize).Fill(NoteColor).Raw('>').Text("Note: " + notes.Visible[i]).Raw("</text>\n");
        svg.Raw("</svg>\n");

        string body = svg.ToString();
        return body.Replace(IdPlaceholder, "c" + Fnv1a(body).ToString("x8", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Visible traces this renderer draws; others are noted.</summary>
    private static List<FigureTrace> Plotted(Figure figure, FigureLook look, FigureNotes notes)
    {
        var plotted = new List<FigureTrace>();
        foreach (var trace in figure.Traces)
        {
            if (!trace.Visible) continue;
            if (!trace.IsDrawnType)
            {
                notes.Show($"trace {trace.Index} ({trace.Type}) not drawn: {trace.Type} traces are not supported");
                continue;
            }
            if (trace.LegendOnly) continue;
            bool hasData = trace.IsHeatmap ? trace.Z is { Length: > 0 } : trace.X is not null && trace.Y is not null;
            if (!hasData)
            {
                // Plotly.NET's EncodedTypedArray writes {"dtype": ..., "bdata": ...}: data we cannot read is said so, visibly.
                if (new[] { "x", "y", "z" }.Any(k => trace.Style.Own.Member(k).Member("bdata") is not null))
                    notes.Show($"trace {trace.Index} not drawn: its data is a typed array (bdata), which is not supported");
                else notes.Ignored($"data[{trace.Index}] (no data arrays)");
                continue;
            }
            if (trace.IsScatter && trace.Style.String("fill") is { } fill && fill != "none") notes.Ignored($"data[{trace.Index}].fill");
            if (trace.IsScatter && trace.Style.String("line.shape") is "spline") notes.Ignored($"data[{trace.Index}].line.shape \"spline\" (drawn straight)");
            if (trace.IsScatter && trace.HasMarkers && !MarkerShapes.IsKnown(new TraceStyle(trace, look).MarkerSymbol))
                notes.Ignored($"data[{trace.Index}].marker.symbol (drawn as circles)");
            if (trace.IsHeatmap && trace.Style.String("zsmooth") is { } smooth && smooth != "false") notes.Ignored($"data[{trace.Index}].zsmooth");
            plotted.Add(trace);
        }
        return plotted;
    }

    /// <summary>Domains (axis' own, else the grid's, else the whole plot) and anchors.</summary>
    private static void PlaceInGrid(Figure figure, SortedDictionary<AxisId, AxisFrame> axes, List<(AxisId X, AxisId Y)> pairs, FigureNotes notes)
    {
        var grid = GridDomains.From(figure.Layout);
        foreach (var axis in axes.Values)
        {
            if (axis.Style.Find("domain") is { ValueKind: JsonValueKind.Array } d && d.GetArrayLength() == 2
                && JsonValues.ToDouble(d[0]) is var d0 && JsonValues.ToDouble(d[1]) is var d1 && double.IsFinite(d0) && double.IsFinite(d1) && d1 > d0)
                axis.Domain = (d0, d1);
            else if (grid is not null && grid.TryGetDomain(axis.Id, out var cell))
                axis.Domain = cell;
            if (axis.Style.String("overlaying") is { } overlaying && overlaying != "free")
                notes.Ignored($"layout.{axis.Id.LayoutKey}.overlaying (drawn as its own axis)");
            string? anchor = axis.Style.String("anchor");
            AxisId? anchorId = anchor == "free" ? null
                : AxisId.Parse(anchor) ?? (grid is not null && grid.TryGetAnchor(axis.Id, out var g) ? g
                : axis.IsX ? pairs.First(p => p.X == axis.Id).Y : pairs.First(p => p.Y == axis.Id).X);
            axis.Anchor = anchorId is { } a && axes.TryGetValue(a, out var frame) ? frame : null;
        }
    }

    /// <summary>Pixel offset and length of every axis from its domain.</summary>
    private static void Place(IEnumerable<AxisFrame> axes, PixelRect plot)
    {
        foreach (var axis in axes)
        {
            var (start, end) = axis.Domain;
            if (axis.IsX)
            {
                axis.Offset = plot.Left + start * plot.Width;
                axis.Length = Math.Max(1, (end - start) * plot.Width);
            }
            else
            {
                axis.Offset = plot.Top + (1 - end) * plot.Height;
                axis.Length = Math.Max(1, (end - start) * plot.Height);
            }
        }
    }

    /// <summary>layout.margin, with plotly.js's defaults of 80 px (100 px at the top).</summary>
    private static Margins RequestedMargins(Figure figure)
    {
        var m = figure.Layout.Child("margin");
        return new Margins(m.Number("l") ?? 80, m.Number("r") ?? 80, m.Number("t") ?? 100, m.Number("b") ?? 80);
    }

    /// <summary>The requested margins grown so legend, colour bars, automargin axes and our notes fit.</summary>
    private static Margins Grow(Figure figure, Margins requested, int width, int height, PixelRect plot,
        IEnumerable<AxisFrame> axes, FigureLook look, LegendBox? legend, List<ColorBarBox> colorBars, FigureNotes notes)
    {
        var horizontal = new List<Margins.Push>();
        var vertical = new List<Margins.Push>();
        if (figure.Layout.Bool("margin.autoexpand") ?? true)
        {
            if (legend is not null)
            {
                horizontal.Add(legend.HorizontalPush);
                vertical.Add(legend.VerticalPush);
            }
            foreach (var bar in colorBars) horizontal.Add(bar.HorizontalPush(plot));
            foreach (var axis in axes)
            {
                var painter = new AxisPainter(axis, look, plot);
                if (painter.AutoMargin) (axis.IsX ? vertical : horizontal).Add(painter.Push);
            }
        }
        if (notes.Visible.Count > 0)
        {
            // Our notes sit at the very bottom, below the lowest x axis' labels and title.
            double depth = axes.Where(a => a.IsX && a.Side == "bottom").Select(a => new AxisPainter(a, look, plot))
                .Where(p => p.PositionFraction <= 0.01).Select(p => p.Depth).DefaultIfEmpty(0).Max();
            vertical.Add(new Margins.Push(0, depth + 6 + NoteLineHeight * notes.Visible.Count, 0));
        }
        return requested.Grown(width, height, horizontal, vertical);
    }

    private static bool Same(Margins a, Margins b) =>
        Math.Abs(a.Left - b.Left) < 0.5 && Math.Abs(a.Right - b.Right) < 0.5 && Math.Abs(a.Top - b.Top) < 0.5 && Math.Abs(a.Bottom - b.Bottom) < 0.5;

    /// <summary>Traces per subplot, clipped to it, in plotly.js's layers: heatmaps, then bars, then scatter.</summary>
    private static void DrawTraces(SvgBuilder svg, Figure figure, List<FigureTrace> plotted, List<SubplotFrame> subplots,
        Dictionary<int, HeatmapColoring> colorings, FigureLook look)
    {
        var bars = AxisRanges.BarLayouts(figure, plotted, subplots);
        foreach (var plot in subplots)
        {
            var traces = plotted.Where(t => t.XAxis == plot.X.Id && t.YAxis == plot.Y.Id).ToList();
            if (traces.Count == 0) continue;
            svg.Raw("<g clip-path=\"url(#").Raw(IdPlaceholder).Raw(plot.ClipSuffix).Raw(")\">\n");
            foreach (var trace in traces.Where(t => t.IsHeatmap))
                HeatmapPainter.Draw(svg, plot, trace, colorings[trace.Index], new TraceStyle(trace, look));
            foreach (var trace in traces.Where(t => t.IsBar))
                BarPainter.Draw(svg, plot, trace, new TraceStyle(trace, look), bars[trace.Index]);
            foreach (var trace in traces.Where(t => t.IsScatter))
                ScatterPainter.Draw(svg, plot, trace, new TraceStyle(trace, look));
            svg.Raw("</g>\n");
        }
    }

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
