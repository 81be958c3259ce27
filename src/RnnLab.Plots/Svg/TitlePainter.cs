using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// The figure title as plotly.js places it: x across the whole figure ("container", 0.5 by
/// default; Plotly.NET's template says 0.05) or the plot area ("paper"), anchored by which third
/// it is in; vertically in the middle of the top margin unless title.y is set.
/// </summary>
internal static class TitlePainter
{
    public static void Draw(SvgBuilder svg, Figure figure, FigureLook look, double width, double height, PixelRect plot, double topMargin)
    {
        var layout = figure.Layout;
        if (layout.TitleText() is not { Length: > 0 } text) return;
        var title = layout.Child("title");
        double size = title.Number("font.size") ?? look.TitleFontSize;
        double x = title.Number("x") ?? 0.5;
        double px = title.String("xref") == "paper" ? plot.Left + x * plot.Width : x * width;
        string anchor = (title.String("xanchor") ?? "auto") switch
        {
            "left" => "start",
            "right" => "end",
            "center" => "middle",
            _ => x < 1.0 / 3 ? "start" : x > 2.0 / 3 ? "end" : "middle",
        };
        double baseline;
        if (title.Number("y") is { } y)
        {
            double py = title.String("yref") == "paper" ? plot.Bottom - y * plot.Height : (1 - y) * height;
            baseline = (title.String("yanchor") ?? (y > 0.5 ? "top" : "bottom")) switch
            {
                "top" => py + size * 0.85,
                "middle" => py + size * 0.35,
                _ => py - size * 0.25,
            };
        }
        // plotly.js puts the baseline half-way down the top margin.
        else baseline = topMargin / 2;
        svg.Raw("<text").Attr("x", px).Attr("y", baseline).Attr("font-size", size);
        if (anchor != "start") svg.Attr("text-anchor", anchor);
        if (title.String("font.family") is { } family) svg.Attr("font-family", family);
        if (title.Color("font.color") is { } color && color != look.FontColor) svg.Fill(color);
        svg.Raw('>').Text(RichText.Plain(text)).Raw("</text>\n");
    }
}
