using System.Globalization;
using System.Text.Json;
using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// <c>layout.shapes</c>: lines, rectangles, circles (the ellipse in the x0..x1 × y0..y1 box) and
/// paths, on "paper" or axis coordinates, in their layer: "below" under the grid, "between"
/// between grid and traces, "above" (default) over the traces. Shapes on two axes are clipped to
/// that subplot. Styles fall back to the template's <c>shapedefaults</c>.
/// </summary>
internal static class ShapePainter
{
    public static void Draw(SvgBuilder svg, Figure figure, LayoutPositions positions, string layer,
        Func<AxisFrame, AxisFrame, string?> clipOf, FigureNotes notes)
    {
        if (figure.Layout.Own.Member("shapes") is not { ValueKind: JsonValueKind.Array } list) return;
        var defaults = figure.TemplateLayout.Member("shapedefaults");
        int index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var style = new StyleChain(item, defaults);
            if (item.ValueKind == JsonValueKind.Object && style.Bool("visible") != false && (style.String("layer") ?? "above") == layer)
                DrawOne(svg, style, string.Create(CultureInfo.InvariantCulture, $"layout.shapes[{index}]"), positions, clipOf, notes);
            index++;
        }
    }

    private static void DrawOne(SvgBuilder svg, StyleChain style, string where, LayoutPositions positions,
        Func<AxisFrame, AxisFrame, string?> clipOf, FigureNotes notes)
    {
        string? xref = style.String("xref"), yref = style.String("yref");
        if (style.String("xsizemode") == "pixel" || style.String("ysizemode") == "pixel")
        {
            notes.Ignored($"{where} (pixel sizemode)");
            return;
        }
        string type = style.String("type") ?? (style.Find("path") is not null ? "path" : "rect");
        string? geometry;
        if (type == "path")
        {
            if (positions.Pixel('x', xref, 0.0) is null || positions.Pixel('y', yref, 0.0) is null)
            {
                notes.Ignored($"{where} (refers to an axis that is not drawn)");
                return;
            }
            geometry = ShapePath.ToPixels(style.String("path") ?? "",
                v => positions.Pixel('x', xref, v) ?? double.NaN, v => positions.Pixel('y', yref, v) ?? double.NaN, out string? problem);
            if (geometry is null)
            {
                notes.Ignored($"{where} ({problem})");
                return;
            }
            geometry = $"<path d=\"{geometry}\"";
        }
        else
        {
            double? x0 = positions.Pixel('x', xref, style.Find("x0")), x1 = positions.Pixel('x', xref, style.Find("x1"));
            double? y0 = positions.Pixel('y', yref, style.Find("y0")), y1 = positions.Pixel('y', yref, style.Find("y1"));
            if (x0 is not { } a || x1 is not { } b || y0 is not { } c || y1 is not { } d || !double.IsFinite(a + b + c + d))
            {
                notes.Ignored($"{where} (a position its axes cannot show)");
                return;
            }
            var shape = new SvgBuilder();
            switch (type)
            {
                case "line":
                    shape.Raw("<line").Attr("x1", a).Attr("y1", c).Attr("x2", b).Attr("y2", d);
                    break;
                case "circle":
                    shape.Raw("<ellipse").Attr("cx", (a + b) / 2).Attr("cy", (c + d) / 2).Attr("rx", Math.Abs(b - a) / 2).Attr("ry", Math.Abs(d - c) / 2);
                    break;
                case "rect":
                    shape.Rect(a, c, b, d);
                    break;
                default:
                    notes.Ignored($"{where} (type \"{type}\")");
                    return;
            }
            geometry = shape.ToString();
        }

        string? clip = positions.Axis('x', xref) is { } xa && positions.Axis('y', yref) is { } ya && xref != "paper" && yref != "paper"
            ? clipOf(xa, ya) : null;
        double opacity = style.Number("opacity") ?? 1;
        svg.Raw("<g");
        if (clip is not null) svg.Raw(" clip-path=\"url(#").Raw(clip).Raw(")\"");
        if (opacity < 1) svg.Attr("opacity", opacity);
        svg.Raw(">\n").Raw(geometry);
        var fill = type == "line" ? null : style.Color("fillcolor");
        svg.Fill(fill ?? new CssColor("#000000", 0));
        double width = style.Number("line.width") ?? 2;
        if (width > 0)
        {
            svg.Stroke(style.Color("line.color") ?? CssColor.Parse("#444444")!.Value).Attr("stroke-width", width);
            if (DashPattern.For(style.String("line.dash"), width) is { } dash) svg.Attr("stroke-dasharray", dash);
        }
        if (style.String("fillrule") == "evenodd") svg.Raw(" fill-rule=\"evenodd\"");
        svg.Raw("/>\n</g>\n");
    }
}
