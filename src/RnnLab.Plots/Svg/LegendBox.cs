using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// The legend as plotly.js lays it out: one entry per trace that shows in it (heatmaps do not),
/// shown when more than one would, or when a trace asks for it. Vertical by default at x = 1.02,
/// y = 1 (top), right of the plot; <c>layout.legend</c> x/y/xanchor/yanchor/orientation move it.
/// </summary>
internal sealed class LegendBox
{
    private const double SwatchWidth = 40;
    private const double Padding = 5;
    private const double ItemGap = 10;

    private readonly List<FigureTrace> _entries;
    private readonly FigureLook _look;
    private readonly List<(int Row, double X, double Width)> _placement = [];
    private int _shown;

    private LegendBox(List<FigureTrace> entries, StyleChain style, FigureLook look)
    {
        _entries = entries;
        _look = look;
        Style = style;
        FontSize = style.Number("font.size") ?? look.FontSize;
        Horizontal = style.String("orientation") == "h";
        X = style.Number("x") ?? (Horizontal ? 0 : 1.02);
        Y = style.Number("y") ?? (Horizontal ? -0.1 : 1);
        XAnchor = Anchor(style.String("xanchor") ?? "left", X);
        YAnchor = Anchor(style.String("yanchor") ?? (Horizontal ? "top" : "auto"), Y);
    }

    public StyleChain Style { get; }

    public double FontSize { get; }

    public bool Horizontal { get; }

    /// <summary>Position in plot-area fractions (y from the bottom).</summary>
    public double X { get; }

    public double Y { get; }

    /// <summary>0 = left/bottom edge at the position, 0.5 = centre, 1 = right/top edge.</summary>
    public double XAnchor { get; }

    public double YAnchor { get; }

    public double Width { get; private set; }

    public double Height { get; private set; }

    public double RowHeight => Math.Max(FontSize * 1.3, 16) + 3;

    public IReadOnlyList<FigureTrace> Entries => _entries;

    /// <summary>The legend, or null when plotly.js would not show one.</summary>
    public static LegendBox? Create(Figure figure, IEnumerable<FigureTrace> traces, FigureLook look, double plotWidth, double plotHeight)
    {
        var candidates = traces.Where(t => t.Visible && t.IsDrawnType).ToList();
        var entries = candidates.Where(t => t.Style.Bool("showlegend") ?? !t.IsHeatmap).ToList();
        // A trace asking for the legend counts twice: one such trace is enough to show it.
        int votes = entries.Count + entries.Count(t => t.Style.Own.Member("showlegend").AsBool() == true);
        var style = figure.Layout.Child("legend");
        bool shown = (figure.Layout.Bool("showlegend") ?? votes > 1) && style.Bool("visible") != false && entries.Count > 0;
        if (!shown) return null;
        if (style.String("traceorder") is { } order && order.Contains("reversed", StringComparison.Ordinal)) entries.Reverse();
        var legend = new LegendBox(entries, style, look);
        legend.Measure(plotWidth, plotHeight);
        return legend;
    }

    private static double Anchor(string anchor, double position) => anchor switch
    {
        "left" or "bottom" => 0,
        "center" or "middle" => 0.5,
        "right" or "top" => 1,
        // "auto": by where it sits, as plotly.js decides.
        _ => position >= 2.0 / 3 ? 1 : position <= 1.0 / 3 ? 0 : 0.5,
    };

    /// <summary>
    /// Places the entries; a vertical legend taller than the plot shows what fits and then
    /// "… N more" (plotly.js would scroll it).
    /// </summary>
    private void Measure(double plotWidth, double plotHeight)
    {
        _placement.Clear();
        double x = Padding;
        int row = 0;
        double widest = 0;
        foreach (var trace in _entries)
        {
            double itemWidth = SwatchWidth + TextMetrics.Width(RichText.Plain(trace.DisplayName), FontSize);
            if (Horizontal && x > Padding && x + itemWidth > plotWidth)
            {
                row++;
                x = Padding;
            }
            _placement.Add((row, x, itemWidth));
            widest = Math.Max(widest, x + itemWidth);
            x = Horizontal ? x + itemWidth + ItemGap : Padding;
            if (!Horizontal) row++;
        }
        int rows = Horizontal ? row + 1 : _entries.Count;
        int fitting = Math.Max(2, (int)((plotHeight - 2 * Padding) / RowHeight));
        _shown = Horizontal || rows <= fitting ? _entries.Count : fitting - 1;
        if (_shown < _entries.Count) rows = fitting;
        Width = widest + Padding;
        Height = rows * RowHeight + 2 * Padding;
    }

    public Margins.Push HorizontalPush => new(X, XAnchor * Width, (1 - XAnchor) * Width);

    public Margins.Push VerticalPush => new(Y, YAnchor * Height, (1 - YAnchor) * Height);

    /// <summary>Top-left corner of the legend box for the plot area <paramref name="plot"/>.</summary>
    public (double Left, double Top) Corner(PixelRect plot) =>
        (plot.Left + X * plot.Width - XAnchor * Width, plot.Bottom - Y * plot.Height - (1 - YAnchor) * Height);

    public void Draw(SvgBuilder svg, PixelRect plot)
    {
        var (left, top) = Corner(plot);
        var background = Style.Color("bgcolor") ?? _look.PaperBackground;
        double border = Style.Number("borderwidth") ?? 0;
        svg.Raw("<g>\n");
        svg.Rect(left, top, left + Width, top + Height).Fill(background);
        if (border > 0) svg.Stroke(Style.Color("bordercolor") ?? CssColor.Parse("#444444")!.Value).Attr("stroke-width", border);
        svg.Raw("/>\n");
        var fontColor = Style.Color("font.color") ?? _look.FontColor;
        for (int i = 0; i < _shown; i++)
        {
            var (row, x, _) = _placement[i];
            double middle = top + Padding + row * RowHeight + RowHeight / 2;
            DrawEntry(svg, _entries[i], left + x, middle, fontColor);
        }
        if (_shown < _entries.Count)
            svg.Raw("<text").Attr("x", left + Padding + SwatchWidth).Attr("y", top + Padding + _shown * RowHeight + RowHeight / 2 + FontSize * 0.35)
               .Raw('>').Text(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"… {_entries.Count - _shown} more")).Raw("</text>\n");
        svg.Raw("</g>\n");
    }

    private void DrawEntry(SvgBuilder svg, FigureTrace trace, double x, double middle, CssColor fontColor)
    {
        var style = new TraceStyle(trace, _look);
        bool faded = trace.LegendOnly;
        if (faded) svg.Raw("<g opacity=\"0.5\">\n");
        if (trace.IsBar)
        {
            svg.Rect(x + 14, middle - 6, x + 26, middle + 6).Fill(style.MarkerColor);
            var (outline, width) = style.MarkerOutline;
            if (width > 0) svg.Stroke(outline).Attr("stroke-width", width);
            svg.Raw("/>\n");
        }
        if (trace.HasLines)
        {
            double width = Math.Min(style.LineWidth, 5);
            svg.Raw("<line").Attr("x1", x + 5).Attr("y1", middle).Attr("x2", x + 35).Attr("y2", middle)
               .Stroke(style.LineColor).Attr("stroke-width", width);
            if (DashPattern.For(style.Dash, width) is { } dash) svg.Attr("stroke-dasharray", dash);
            svg.Raw("/>\n");
        }
        if (trace.HasMarkers)
        {
            svg.Raw("<g");
            ScatterPainter.MarkerPaint(svg, style);
            svg.Raw(">\n");
            MarkerShapes.Open(svg, style.MarkerSymbol, x + 20, middle, Math.Min(style.MarkerSize, 16));
            svg.Raw("/>\n</g>\n");
        }
        svg.Raw("<text").Attr("x", x + SwatchWidth).Attr("y", middle + FontSize * 0.35);
        if (FontSize != _look.FontSize) svg.Attr("font-size", FontSize);
        if (fontColor != _look.FontColor) svg.Fill(fontColor);
        svg.Raw('>').Text(RichText.Plain(trace.DisplayName)).Raw("</text>\n");
        if (faded) svg.Raw("</g>\n");
    }
}
