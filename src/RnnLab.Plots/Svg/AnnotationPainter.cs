using System.Globalization;
using System.Text.Json;
using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// <c>layout.annotations</c>: text at a point, with an arrow by default (plotly.js's showarrow
/// default is true). With an arrow the text box is centred at the tail, ax/ay pixels from the
/// point (default −10, −30) or at ax/ay on the axes when axref/ayref name them; the arrow runs
/// from the box's edge to the point. Without one, xanchor/yanchor place the box at the point.
/// Styles fall back to the template's <c>annotationdefaults</c>. An annotation whose point lies
/// outside its axes is hidden, as plotly.js hides it.
/// </summary>
internal static class AnnotationPainter
{
    private const double LineSpacing = 1.3;

    public static void Draw(SvgBuilder svg, Figure figure, LayoutPositions positions, FigureLook look, FigureNotes notes)
    {
        if (figure.Layout.Own.Member("annotations") is not { ValueKind: JsonValueKind.Array } list) return;
        var defaults = figure.TemplateLayout.Member("annotationdefaults");
        int index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var style = new StyleChain(item, defaults);
            if (item.ValueKind == JsonValueKind.Object && style.Bool("visible") != false)
                DrawOne(svg, style, index, positions, look, notes);
            index++;
        }
    }

    private static void DrawOne(SvgBuilder svg, StyleChain style, int index, LayoutPositions positions, FigureLook look, FigureNotes notes)
    {
        string where = string.Create(CultureInfo.InvariantCulture, $"layout.annotations[{index}]");
        string? xref = style.String("xref"), yref = style.String("yref");
        double? px = positions.Pixel('x', xref, style.Find("x") ?? Half()), py = positions.Pixel('y', yref, style.Find("y") ?? Half());
        if (px is not { } x || py is not { } y)
        {
            notes.Ignored($"{where} (refers to an axis that is not drawn)");
            return;
        }
        if (!double.IsFinite(x) || !double.IsFinite(y) || OutsideItsAxes(positions, xref, yref, x, y)) return;
        x += style.Number("xshift") ?? 0;
        y -= style.Number("yshift") ?? 0;

        string[] lines = RichText.Lines(style.String("text") ?? "");
        double fontSize = style.Number("font.size") ?? look.FontSize;
        double pad = style.Number("borderpad") ?? 1, border = style.Number("borderwidth") ?? 1;
        double width = lines.Max(l => TextMetrics.Width(l, fontSize)) + 2 * pad;
        double height = lines.Length * fontSize * LineSpacing + 2 * pad;
        bool arrow = style.Bool("showarrow") ?? true;

        double boxX = x, boxY = y;
        if (arrow)
        {
            boxX = Tail('x', style, positions, x, -10);
            boxY = Tail('y', style, positions, y, -30);
        }
        double xAnchor = Anchor(style.String("xanchor"), arrow, xref, style.Number("x") ?? 0.5, false);
        double yAnchor = Anchor(style.String("yanchor"), arrow, yref, style.Number("y") ?? 0.5, true);
        double left = boxX - xAnchor * width, top = boxY - (1 - yAnchor) * height;

        double opacity = style.Number("opacity") ?? 1;
        svg.Raw("<g");
        if (opacity < 1) svg.Attr("opacity", opacity);
        if (style.Number("textangle") is { } angle && angle != 0)
            svg.Raw(" transform=\"rotate(").Num(angle).Raw(' ').Num(left + width / 2).Raw(' ').Num(top + height / 2).Raw(")\"");
        svg.Raw(">\n");
        if (arrow) Arrow(svg, style, left, top, width, height, x, y);
        var background = style.Color("bgcolor");
        var borderColor = style.Color("bordercolor");
        if (background is { IsTransparent: false } || (borderColor is { IsTransparent: false } && border > 0))
        {
            svg.Rect(left, top, left + width, top + height).Fill(background ?? new CssColor("#000000", 0));
            if (borderColor is { IsTransparent: false } b && border > 0) svg.Stroke(b).Attr("stroke-width", border);
            svg.Raw("/>\n");
        }
        string align = style.String("align") ?? "center";
        double textX = align switch { "left" => left + pad, "right" => left + width - pad, _ => left + width / 2 };
        var color = style.Color("font.color") ?? look.FontColor;
        for (int i = 0; i < lines.Length; i++)
        {
            svg.Raw("<text").Attr("x", textX).Attr("y", top + pad + (i + 0.5) * fontSize * LineSpacing + fontSize * 0.35);
            if (align != "left") svg.Attr("text-anchor", align == "right" ? "end" : "middle");
            if (fontSize != look.FontSize) svg.Attr("font-size", fontSize);
            if (color != look.FontColor) svg.Fill(color);
            svg.Raw('>').Text(lines[i]).Raw("</text>\n");
        }
        svg.Raw("</g>\n");
    }

    /// <summary>plotly.js's default position of an annotation: 0.5 on its axes (or the paper).</summary>
    private static readonly JsonElement HalfValue = ParseHalf();

    private static JsonElement Half() => HalfValue;

    private static JsonElement ParseHalf()
    {
        using var document = JsonDocument.Parse("0.5");
        return document.RootElement.Clone();
    }

    /// <summary>Where the text sits for an arrow: ax/ay pixels from the point, or ax/ay on the axis when axref/ayref name it.</summary>
    private static double Tail(char letter, StyleChain style, LayoutPositions positions, double point, double defaultPixels)
    {
        string key = "a" + letter;
        string? reference = style.String(key + "ref");
        if (reference is not null && reference != "pixel" && positions.Pixel(letter, reference, style.Find(key)) is { } p && double.IsFinite(p))
            return p;
        return point + (style.Number(key) ?? defaultPixels);
    }

    /// <summary>
    /// 0 = box's left (bottom) edge at the position, 0.5 centre, 1 right (top). "auto": centred
    /// with an arrow or on data; on paper by which third of the plot the position lies in.
    /// </summary>
    private static double Anchor(string? anchor, bool arrow, string? reference, double position, bool vertical) => anchor switch
    {
        "left" or "bottom" => 0,
        "right" or "top" => 1,
        "center" or "middle" => 0.5,
        _ when arrow || reference != "paper" => 0.5,
        _ => position <= 1.0 / 3 ? 0 : position >= 2.0 / 3 ? 1 : 0.5,
    };

    private static bool OutsideItsAxes(LayoutPositions positions, string? xref, string? yref, double x, double y)
    {
        bool Outside(AxisFrame? axis, double pixel) =>
            axis is not null && (pixel < Math.Min(axis.Offset, axis.Offset + axis.Length) - 1 || pixel > Math.Max(axis.Offset, axis.Offset + axis.Length) + 1);
        return (xref != "paper" && Outside(positions.Axis('x', xref), x)) || (yref != "paper" && Outside(positions.Axis('y', yref), y));
    }

    private static void Arrow(SvgBuilder svg, StyleChain style, double left, double top, double width, double height, double tipX, double tipY)
    {
        double cx = left + width / 2, cy = top + height / 2;
        double dx = tipX - cx, dy = tipY - cy, distance = Math.Sqrt(dx * dx + dy * dy);
        if (distance < 1) return;
        (dx, dy) = (dx / distance, dy / distance);
        // Leave the box where the line from its centre to the point crosses its edge.
        double tx = dx == 0 ? double.PositiveInfinity : width / 2 / Math.Abs(dx);
        double ty = dy == 0 ? double.PositiveInfinity : height / 2 / Math.Abs(dy);
        double exit = Math.Min(tx, ty);
        if (exit >= distance) return;
        var color = style.Color("arrowcolor") ?? CssColor.Parse("#444444")!.Value;
        double lineWidth = style.Number("arrowwidth") ?? 2;
        var head = ArrowHead.For((int)(style.Number("arrowhead") ?? 1));
        double scale = lineWidth * (style.Number("arrowsize") ?? 1), standoff = style.Number("standoff") ?? 0;
        double endX = tipX - dx * standoff, endY = tipY - dy * standoff;
        double backoff = head.Backoff * scale + standoff;
        if (backoff >= distance - exit) return;
        svg.Raw("<line").Attr("x1", cx + dx * exit).Attr("y1", cy + dy * exit)
           .Attr("x2", tipX - dx * backoff).Attr("y2", tipY - dy * backoff).Stroke(color).Attr("stroke-width", lineWidth).Raw("/>\n");
        head.Draw(svg, endX, endY, dx, dy, scale, color);
    }
}
