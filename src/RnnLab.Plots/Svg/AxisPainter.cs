using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// An axis' grid lines, zero line, axis line, ticks, tick labels and title, with plotly.js's
/// defaults (grid #eee, zero line #444, no axis line, no tick marks) unless the figure or its
/// template sets them (Plotly.NET's template: white grid and zero line on a blue-grey plot).
/// </summary>
internal sealed class AxisPainter(AxisFrame axis, FigureLook look, PixelRect plotArea)
{
    private const double LabelGap = 3;

    private StyleChain Style => axis.Style;

    public double FontSize => Style.Number("tickfont.size") ?? look.FontSize;

    private CssColor LabelColor => Style.Color("tickfont.color") ?? Style.Color("color") ?? look.FontColor;

    public double TitleFontSize => Style.Number("title.font.size") ?? look.AxisTitleFontSize;

    public string? Title => Style.TitleText() is { Length: > 0 } t ? t : null;

    private bool ShowLabels => Style.Bool("showticklabels") ?? true;

    private double TickOut => (Style.String("ticks") ?? (axis.OutsideTicksByDefault ? "outside" : "")) == "outside" ? Style.Number("ticklen") ?? 5 : 0;

    /// <summary>Gap between tick labels and the title: title.standoff when set.</summary>
    private double Standoff => Style.Number("title.standoff") ?? 12;

    public bool AutoMargin => Style.Find("automargin") is { } a && (a.ValueKind == System.Text.Json.JsonValueKind.String || a.AsBoolValue());

    /// <summary>Where the axis line runs: the anchor axis' edge on the axis' side, or its free position.</summary>
    public double Position
    {
        get
        {
            if (axis.Anchor is { } anchor)
                return axis.IsX
                    ? (axis.Side == "top" ? anchor.Offset : anchor.Offset + anchor.Length)
                    : (axis.Side == "right" ? anchor.Offset + anchor.Length : anchor.Offset);
            double f = Style.Number("position") ?? 0;
            return axis.IsX ? plotArea.Bottom - f * plotArea.Height : plotArea.Left + f * plotArea.Width;
        }
    }

    /// <summary>The position as a fraction of the plot area (x from the left, y from the bottom), for margin pushes.</summary>
    public double PositionFraction => axis.IsX
        ? (plotArea.Bottom - Position) / plotArea.Height
        : (Position - plotArea.Left) / plotArea.Width;

    /// <summary>Pixels the labels and title reach away from the axis line.</summary>
    public double Depth
    {
        get
        {
            double labels = !ShowLabels || axis.Ticks.Labels.Length == 0 ? 0
                : axis.IsX ? FontSize * 1.1
                : axis.Ticks.Labels.Max(l => TextMetrics.Width(l, FontSize));
            double depth = TickOut + (labels > 0 ? LabelGap + labels : 0);
            return Title is null ? depth : depth + Standoff + TitleFontSize * 1.1;
        }
    }

    /// <summary>The push that keeps labels and title inside the figure (used when automargin is on).</summary>
    public Margins.Push Push
    {
        get
        {
            bool before = axis.IsX ? axis.Side != "top" : axis.Side != "right";
            return new Margins.Push(PositionFraction, before ? Depth : 0, before ? 0 : Depth);
        }
    }

    /// <summary>Grid lines at the ticks across <paramref name="rect"/>.</summary>
    public void Grid(SvgBuilder svg, PixelRect rect)
    {
        if (!(Style.Bool("showgrid") ?? axis.GridByDefault) || axis.Ticks.Positions.Length == 0) return;
        var color = Style.Color("gridcolor") ?? CssColor.Parse("#eeeeee")!.Value;
        double width = Style.Number("gridwidth") ?? 1;
        Lines(svg, rect, axis.Ticks.Positions.Where(p => !IsZeroLine(p)), color, width);
    }

    /// <summary>The zero line: on a linear axis when zero lies inside the range, or at its edge under bars.</summary>
    public void ZeroLine(SvgBuilder svg, PixelRect rect, bool hasBars)
    {
        if (!ShowsZeroLine(hasBars)) return;
        var color = Style.Color("zerolinecolor") ?? CssColor.Parse("#444444")!.Value;
        Lines(svg, rect, [0], color, Style.Number("zerolinewidth") ?? 1);
    }

    private bool ShowsZeroLine(bool hasBars)
    {
        if (!(Style.Bool("zeroline") ?? true) || axis.Kind != ScaleKind.Linear) return false;
        var (low, high) = axis.Span;
        if (low > 0 || high < 0) return false;
        double pixel = Math.Abs(axis.ToPixel(0) - axis.ToPixel(low)), far = Math.Abs(axis.ToPixel(high) - axis.ToPixel(0));
        return hasBars || (pixel >= 1 && far >= 1);
    }

    private bool IsZeroLine(double position) =>
        position == 0 && axis.Kind == ScaleKind.Linear && (Style.Bool("zeroline") ?? true);

    private void Lines(SvgBuilder svg, PixelRect rect, IEnumerable<double> positions, CssColor color, double width)
    {
        svg.Raw("<path fill=\"none\"").Stroke(color).Attr("stroke-width", width).Raw(" d=\"");
        foreach (double p in positions)
        {
            double pixel = axis.ToPixel(p);
            if (axis.IsX) svg.Raw('M').Num(pixel).Raw(' ').Num(rect.Top).Raw('V').Num(rect.Bottom);
            else svg.Raw('M').Num(rect.Left).Raw(' ').Num(pixel).Raw('H').Num(rect.Right);
        }
        svg.Raw("\"/>\n");
    }

    /// <summary>Axis line, tick marks, tick labels and title.</summary>
    public void Draw(SvgBuilder svg)
    {
        if (Style.Bool("visible") == false) return;
        double at = Position;
        double start = axis.Offset, end = axis.Offset + axis.Length;
        int away = axis.IsX ? (axis.Side == "top" ? -1 : 1) : (axis.Side == "right" ? 1 : -1);
        if (Style.Bool("showline") == true)
        {
            svg.Raw("<path fill=\"none\"").Stroke(Style.Color("linecolor") ?? CssColor.Parse("#444444")!.Value)
               .Attr("stroke-width", Style.Number("linewidth") ?? 1).Raw(" d=\"");
            if (axis.IsX) svg.Raw('M').Num(start).Raw(' ').Num(at).Raw('H').Num(end);
            else svg.Raw('M').Num(at).Raw(' ').Num(start).Raw('V').Num(end);
            svg.Raw("\"/>\n");
        }
        var ticks = axis.Ticks;
        if (TickOut > 0 && ticks.Positions.Length > 0)
        {
            svg.Raw("<path fill=\"none\"").Stroke(Style.Color("tickcolor") ?? CssColor.Parse("#444444")!.Value)
               .Attr("stroke-width", Style.Number("tickwidth") ?? 1).Raw(" d=\"");
            foreach (double p in ticks.Positions)
            {
                double pixel = axis.ToPixel(p);
                if (axis.IsX) svg.Raw('M').Num(pixel).Raw(' ').Num(at).Raw('v').Num(away * TickOut);
                else svg.Raw('M').Num(at).Raw(' ').Num(pixel).Raw('h').Num(away * TickOut);
            }
            svg.Raw("\"/>\n");
        }
        double labelDepth = 0;
        if (ShowLabels && ticks.Positions.Length > 0)
        {
            for (int i = 0; i < ticks.Positions.Length; i++)
            {
                double pixel = axis.ToPixel(ticks.Positions[i]);
                if (axis.IsX)
                    Label(svg, ticks.Labels[i], pixel, away > 0 ? at + TickOut + LabelGap + FontSize * 0.9 : at - TickOut - LabelGap - FontSize * 0.25,
                        "middle", FontSize, look, LabelColor);
                else
                    Label(svg, ticks.Labels[i], at + away * (TickOut + LabelGap), pixel + FontSize * 0.35,
                        away > 0 ? "start" : "end", FontSize, look, LabelColor);
            }
            labelDepth = LabelGap + (axis.IsX ? FontSize * 1.1 : ticks.Labels.Max(l => TextMetrics.Width(l, FontSize)));
        }
        if (Title is not { } title) return;
        double reach = TickOut + labelDepth + Standoff;
        var color = Style.Color("title.font.color") ?? look.FontColor;
        double middle = (start + end) / 2;
        svg.Raw("<text");
        if (axis.IsX)
            svg.Attr("x", middle).Attr("y", away > 0 ? at + reach + TitleFontSize * 0.75 : at - reach - TitleFontSize * 0.25);
        else
        {
            double x = at + away * reach + (away > 0 ? TitleFontSize * 0.85 : 0);
            svg.Attr("x", x).Attr("y", middle);
            svg.Raw(" transform=\"rotate(-90 ").Num(x).Raw(' ').Num(middle).Raw(")\"");
        }
        svg.Attr("font-size", TitleFontSize).Raw(" text-anchor=\"middle\"");
        if (color != look.FontColor) svg.Fill(color);
        svg.Raw('>').Text(RichText.Plain(title)).Raw("</text>\n");
    }

    /// <summary>A tick label at (x, y); exponents as a raised, smaller tspan.</summary>
    public static void Label(SvgBuilder svg, TickLabel label, double x, double y, string anchor, double fontSize, FigureLook look, CssColor color)
    {
        svg.Raw("<text").Attr("x", x).Attr("y", y);
        if (anchor != "start") svg.Attr("text-anchor", anchor);
        if (label.Small) fontSize *= 0.75;
        if (fontSize != look.FontSize) svg.Attr("font-size", fontSize);
        if (color != look.FontColor) svg.Fill(color);
        svg.Raw('>').Text(label.Main);
        if (label.Superscript is { } sup)
            svg.Raw("<tspan dy=\"-5\"").Attr("font-size", fontSize * 0.75).Raw('>').Text(sup).Raw("</tspan>");
        svg.Raw("</text>\n");
    }
}
