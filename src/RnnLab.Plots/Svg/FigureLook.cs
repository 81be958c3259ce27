using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// The figure-wide look: font, backgrounds and colorway, from the layout, then its template, then
/// plotly.js's own defaults (the look of a figure without a template).
/// </summary>
internal sealed record FigureLook(
    string FontFamily, double FontSize, CssColor FontColor,
    CssColor PaperBackground, CssColor PlotBackground, IReadOnlyList<CssColor> Colorway)
{
    public const string DefaultFontFamily = "\"Open Sans\", verdana, arial, sans-serif";

    /// <summary>plotly.js's colorway when neither the layout nor a template sets one.</summary>
    public static readonly IReadOnlyList<CssColor> DefaultColorway =
    [
        .. new[] { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf" }
            .Select(c => CssColor.Parse(c)!.Value),
    ];

    public static FigureLook Read(Figure figure)
    {
        var layout = figure.Layout;
        var colorway = layout.Find("colorway") is { ValueKind: System.Text.Json.JsonValueKind.Array } array
            ? array.EnumerateArray().Select(c => CssColor.Parse(c.ValueKind == System.Text.Json.JsonValueKind.String ? c.GetString() : null))
                .OfType<CssColor>().ToList()
            : [];
        return new FigureLook(
            layout.String("font.family") ?? DefaultFontFamily,
            layout.Number("font.size") is { } size && size > 0 ? size : 12,
            layout.Color("font.color") ?? CssColor.Parse("#444444")!.Value,
            layout.Color("paper_bgcolor") ?? CssColor.Parse("#ffffff")!.Value,
            layout.Color("plot_bgcolor") ?? CssColor.Parse("#ffffff")!.Value,
            colorway.Count > 0 ? colorway : DefaultColorway);
    }

    /// <summary>A trace's default colour: the colorway entry for its position in <c>data</c>.</summary>
    public CssColor TraceColor(int traceIndex) => Colorway[traceIndex % Colorway.Count];

    /// <summary>plotly.js's default for the title: 1.4 times the figure font, rounded.</summary>
    public double TitleFontSize => Math.Round(FontSize * 1.4);

    /// <summary>plotly.js's default for axis titles: 1.2 times the figure font, rounded.</summary>
    public double AxisTitleFontSize => Math.Round(FontSize * 1.2);
}
