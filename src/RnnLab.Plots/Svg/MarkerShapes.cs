namespace RnnLab.Plots.Svg;

/// <summary>Marker symbols drawn as SVG: circle, square, diamond, triangles, cross and x (plus their "-open" forms).</summary>
internal static class MarkerShapes
{
    private static readonly string[] ByNumber = ["circle", "square", "diamond", "cross", "x", "triangle-up", "triangle-down"];

    public static string NameOf(int number)
    {
        int open = number >= 100 ? 100 : 0;
        int basic = number % 100;
        return basic < ByNumber.Length ? ByNumber[basic] + (open > 0 ? "-open" : "") : "circle";
    }

    /// <summary>Whether a symbol name is drawn as named (others fall back to a circle).</summary>
    public static bool IsKnown(string symbol) => ByNumber.Contains(symbol.Replace("-open", "", StringComparison.Ordinal));

    /// <summary>Appends one marker of diameter <paramref name="size"/> at (x, y), without closing attributes.</summary>
    public static void Open(SvgBuilder svg, string symbol, double x, double y, double size)
    {
        double r = size / 2;
        switch (symbol.Replace("-open", "", StringComparison.Ordinal))
        {
            case "square":
                svg.Raw("<rect").Attr("x", x - r).Attr("y", y - r).Attr("width", size).Attr("height", size);
                break;
            case "diamond":
                r *= 1.3;
                Path(svg).Raw('M').Num(x).Raw(',').Num(y - r).Raw('L').Num(x + r).Raw(',').Num(y).Raw('L').Num(x).Raw(',').Num(y + r)
                    .Raw('L').Num(x - r).Raw(',').Num(y).Raw("Z\"");
                break;
            case "triangle-up":
            case "triangle-down":
                double s = symbol.StartsWith("triangle-up", StringComparison.Ordinal) ? 1 : -1;
                r *= 1.2;
                Path(svg).Raw('M').Num(x).Raw(',').Num(y - s * r).Raw('L').Num(x + r).Raw(',').Num(y + s * r * 0.6)
                    .Raw('L').Num(x - r).Raw(',').Num(y + s * r * 0.6).Raw("Z\"");
                break;
            case "cross":
                double a = r * 0.4;
                Path(svg).Raw('M').Num(x - a).Raw(',').Num(y - r).Raw('H').Num(x + a).Raw('V').Num(y - a).Raw('H').Num(x + r)
                    .Raw('V').Num(y + a).Raw('H').Num(x + a).Raw('V').Num(y + r).Raw('H').Num(x - a).Raw('V').Num(y + a)
                    .Raw('H').Num(x - r).Raw('V').Num(y - a).Raw('H').Num(x - a).Raw("Z\"");
                break;
            case "x":
                double d = r * 0.8;
                Path(svg).Raw('M').Num(x - d).Raw(',').Num(y - d).Raw('L').Num(x + d).Raw(',').Num(y + d)
                    .Raw('M').Num(x + d).Raw(',').Num(y - d).Raw('L').Num(x - d).Raw(',').Num(y + d).Raw('"')
                    .Raw(" stroke-width=\"").Num(Math.Max(1, r / 2.5)).Raw('"');
                break;
            default:
                svg.Raw("<circle").Attr("cx", x).Attr("cy", y).Attr("r", r);
                break;
        }
    }

    private static SvgBuilder Path(SvgBuilder svg) => svg.Raw("<path d=\"");
}
