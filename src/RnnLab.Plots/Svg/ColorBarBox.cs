using System.Globalization;
using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// A heatmap's colour bar, placed as plotly.js places it: x = 1.02 of the plot width (left edge
/// there), centred at y = 0.5, as long as the plot (len = 1), 30 px thick, 10 px padding; its
/// title above the bar ("top", plotly.js's default side) or beside it ("right"). The bar is an SVG
/// gradient through the scale's stops; ticks follow plotly.js's rule for the bar's length.
/// </summary>
internal sealed class ColorBarBox
{
    private readonly StyleChain _style;
    private readonly FigureLook _look;

    public ColorBarBox(FigureTrace trace, HeatmapColoring coloring, FigureLook look)
    {
        Trace = trace;
        Coloring = coloring;
        _look = look;
        _style = trace.Style.Child("colorbar");
        X = _style.Number("x") ?? 1.02;
        XAnchor = (_style.String("xanchor") ?? "left") switch { "center" => 0.5, "right" => 1, _ => 0 };
        Y = _style.Number("y") ?? 0.5;
        YAnchor = (_style.String("yanchor") ?? "middle") switch { "top" => 1, "bottom" => 0, _ => 0.5 };
        Title = _style.TitleText() is { Length: > 0 } t ? RichText.Plain(t) : null;
        TitleSide = _style.String("title.side") ?? "top";
        TitleFontSize = _style.Number("title.font.size") ?? look.AxisTitleFontSize;
        FontSize = _style.Number("tickfont.size") ?? look.FontSize;
    }

    public FigureTrace Trace { get; }

    public HeatmapColoring Coloring { get; }

    public double X { get; }

    public double XAnchor { get; }

    public double Y { get; }

    public double YAnchor { get; }

    public string? Title { get; }

    public string TitleSide { get; }

    public double TitleFontSize { get; }

    public double FontSize { get; }

    private double Thickness(double plotWidth) =>
        (_style.Number("thickness") ?? 30) * (_style.String("thicknessmode") == "fraction" ? plotWidth : 1);

    private double Length(double plotHeight) =>
        (_style.Number("len") ?? 1) * (_style.String("lenmode") == "pixels" ? 1 : plotHeight);

    private double XPad => _style.Number("xpad") ?? 10;

    private double YPad => _style.Number("ypad") ?? 10;

    private bool TicksOutside => _style.String("ticks") is "outside";

    private double TickLength => TicksOutside ? _style.Number("ticklen") ?? 5 : 0;

    /// <summary>Room above the bar for a "top" title.</summary>
    private double TitleBand => Title is not null && TitleSide == "top" ? TitleFontSize * 1.5 : 0;

    private TickSet Ticks(double plotHeight)
    {
        double bar = Math.Max(10, Length(plotHeight) - 2 * YPad - TitleBand);
        return NiceTicks.Linear(Coloring.Min, Coloring.Max, NiceTicks.TargetCount(bar, horizontal: false));
    }

    /// <summary>Width of the whole box: padding, bar, ticks, labels (and a "right" title).</summary>
    public double Width(PixelRect plot)
    {
        double labels = Ticks(plot.Height).Labels.Select(l => TextMetrics.Width(l, FontSize)).DefaultIfEmpty(0).Max();
        double width = XPad + Thickness(plot.Width) + TickLength + 3 + labels + XPad;
        if (Title is not null)
            width = TitleSide == "right" ? width + TitleFontSize * 1.3 : Math.Max(width, XPad + TextMetrics.Width(Title, TitleFontSize) + XPad);
        return width;
    }

    public Margins.Push HorizontalPush(PixelRect plot)
    {
        double width = Width(plot);
        return new(X, XAnchor * width, (1 - XAnchor) * width);
    }

    public void Draw(SvgBuilder svg, PixelRect plot, string gradientId)
    {
        double width = Width(plot), length = Length(plot.Height), thickness = Thickness(plot.Width);
        double boxLeft = plot.Left + X * plot.Width - XAnchor * width;
        double boxTop = plot.Bottom - Y * plot.Height - (1 - YAnchor) * length;
        double barLeft = boxLeft + XPad, barRight = barLeft + thickness;
        double barTop = boxTop + YPad + TitleBand, barBottom = boxTop + length - YPad;
        if (barBottom - barTop < 10) barBottom = barTop + 10;

        svg.Raw("<defs><linearGradient id=\"").Raw(gradientId).Raw("\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
        foreach (var (position, color) in Coloring.Scale.Stops)
        {
            svg.Raw("<stop").Attr("offset", position).Attr("stop-color", color.Hex);
            if (color.Alpha < 1) svg.Attr("stop-opacity", color.Alpha);
            svg.Raw("/>");
        }
        svg.Raw("</linearGradient></defs>\n");
        svg.Rect(barLeft, barTop, barRight, barBottom).Raw(" fill=\"url(#").Raw(gradientId).Raw(")\"");
        double outline = _style.Number("outlinewidth") ?? 1;
        if (outline > 0) svg.Stroke(_style.Color("outlinecolor") ?? CssColor.Parse("#444444")!.Value).Attr("stroke-width", outline);
        svg.Raw("/>\n");

        var ticks = Ticks(plot.Height);
        double Pixel(double z) => barBottom - (z - Coloring.Min) / (Coloring.Max - Coloring.Min) * (barBottom - barTop);
        if (TicksOutside)
        {
            svg.Raw("<path fill=\"none\"").Stroke(_style.Color("tickcolor") ?? CssColor.Parse("#444444")!.Value).Raw(" d=\"");
            foreach (double z in ticks.Positions) svg.Raw('M').Num(barRight).Raw(' ').Num(Pixel(z)).Raw('h').Num(TickLength);
            svg.Raw("\"/>\n");
        }
        var fontColor = _style.Color("tickfont.color") ?? _look.FontColor;
        for (int i = 0; i < ticks.Positions.Length; i++)
            AxisPainter.Label(svg, ticks.Labels[i], barRight + TickLength + 3, Pixel(ticks.Positions[i]) + FontSize * 0.35, "start",
                FontSize, _look, fontColor);

        if (Title is null) return;
        var titleColor = _style.Color("title.font.color") ?? _look.FontColor;
        if (TitleSide == "right")
        {
            double x = boxLeft + width - XPad - TitleFontSize * 0.3, y = (barTop + barBottom) / 2;
            Text(svg, x, y, titleColor).Raw(" text-anchor=\"middle\" transform=\"rotate(90 ").Num(x).Raw(' ').Num(y).Raw(")\">")
                .Text(Title).Raw("</text>\n");
        }
        else
            Text(svg, barLeft, boxTop + YPad + TitleFontSize * 0.9, titleColor).Raw('>').Text(Title).Raw("</text>\n");
    }

    private SvgBuilder Text(SvgBuilder svg, double x, double y, CssColor color)
    {
        svg.Raw("<text").Attr("x", x).Attr("y", y);
        if (TitleFontSize != _look.FontSize) svg.Attr("font-size", TitleFontSize);
        if (color != _look.FontColor) svg.Fill(color);
        return svg;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"colour bar of trace {Trace.Index}");
}
