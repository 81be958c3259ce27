using System.Text.Json;
using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// How a trace is painted, with plotly.js's defaults: its colorway colour unless line or marker
/// set one (each defaulting to the other), 2 px lines, 6 px markers.
/// </summary>
internal sealed class TraceStyle(FigureTrace trace, FigureLook look)
{
    private CssColor Default => look.TraceColor(trace.Index);

    private CssColor? SingleColor(string path) => trace.Style.Find(path) is { ValueKind: JsonValueKind.String } c ? CssColor.Parse(c.GetString()) : null;

    public CssColor LineColor => SingleColor("line.color") ?? SingleColor("marker.color") ?? Default;

    public CssColor MarkerColor => SingleColor("marker.color") ?? (trace.HasLines ? SingleColor("line.color") : null) ?? Default;

    /// <summary>Per-point marker colours when marker.color is an array of colour strings.</summary>
    public CssColor?[]? MarkerColors =>
        trace.Style.Find("marker.color") is { ValueKind: JsonValueKind.Array } colors
            ? [.. colors.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.String ? CssColor.Parse(c.GetString()) : null)]
            : null;

    public double LineWidth => trace.Style.Number("line.width") is { } w && w >= 0 ? w : 2;

    public string? Dash => trace.Style.String("line.dash");

    public double MarkerSize => trace.Style.Number("marker.size") is { } s && s >= 0 ? s : 6;

    public string MarkerSymbol => trace.Style.Find("marker.symbol") switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString()!,
        { ValueKind: JsonValueKind.Number } n => MarkerShapes.NameOf(n.GetInt32()),
        _ => "circle",
    };

    public double MarkerOpacity => trace.Style.Number("marker.opacity") is { } o ? Math.Clamp(o, 0, 1) : 1;

    /// <summary>Marker (or bar) outline: width 0 means none.</summary>
    public (CssColor Color, double Width) MarkerOutline =>
        (trace.Style.Color("marker.line.color") ?? CssColor.Parse("#444444")!.Value,
         trace.Style.Number("marker.line.width") is { } w && w > 0 ? w : 0);

    /// <summary>The trace's own opacity (applies to everything it draws).</summary>
    public double Opacity => trace.Style.Number("opacity") is { } o ? Math.Clamp(o, 0, 1) : 1;
}
