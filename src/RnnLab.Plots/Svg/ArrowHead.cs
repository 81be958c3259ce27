namespace RnnLab.Plots.Svg;

/// <summary>
/// Annotation arrowheads by plotly.js's arrowhead number: 0 none, 1–5 triangles from wide to
/// narrow and long, 6 a dot, 7 a square. Sizes scale with arrowwidth × arrowsize; the line stops
/// short of the tip by <see cref="Backoff"/> so the head, not the line end, touches the point.
/// </summary>
internal readonly record struct ArrowHead(double Length, double HalfWidth, double Backoff, bool Round, bool Square)
{
    public static ArrowHead For(int style) => style switch
    {
        1 => new(3.2, 3, 0.6, false, false),
        2 => new(5, 2.5, 1.3, false, false),
        3 => new(6, 3, 1.5, false, false),
        4 => new(4.6, 3, 1.6, false, false),
        5 => new(6.4, 3, 2, false, false),
        6 => new(2, 2, 0, true, false),
        7 => new(2, 2, 0, false, true),
        _ => new(0, 0, 0, false, false),
    };

    public bool IsNone => Length == 0;

    /// <summary>Appends the head at <paramref name="tipX"/>,<paramref name="tipY"/> pointing along (dx, dy) (a unit vector).</summary>
    public void Draw(SvgBuilder svg, double tipX, double tipY, double dx, double dy, double scale, Figures.CssColor color)
    {
        if (IsNone) return;
        double hw = HalfWidth * scale;
        if (Round)
        {
            svg.Raw("<circle").Attr("cx", tipX).Attr("cy", tipY).Attr("r", hw).Fill(color).Raw("/>\n");
            return;
        }
        if (Square)
        {
            svg.Rect(tipX - hw, tipY - hw, tipX + hw, tipY + hw).Fill(color).Raw("/>\n");
            return;
        }
        double len = Length * scale, bx = tipX - dx * len, by = tipY - dy * len;
        svg.Raw("<path d=\"M").Num(tipX).Raw(',').Num(tipY).Raw('L').Num(bx - dy * hw).Raw(',').Num(by + dx * hw)
           .Raw('L').Num(bx + dy * hw).Raw(',').Num(by - dx * hw).Raw("Z\"").Fill(color).Raw("/>\n");
    }
}
