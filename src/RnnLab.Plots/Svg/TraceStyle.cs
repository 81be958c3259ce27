namespace RnnLab.Plots.Svg;

/// <summary>A trace's resolved drawing colours and sizes (explicit style, else the colorway).</summary>
internal static class TraceStyle
{
    public static string LineColor(Trace trace, int index) =>
        trace.Line?.Color ?? trace.Marker?.Color ?? Colorway.ForTrace(index);

    public static string MarkerColor(Trace trace, int index) =>
        trace.Marker?.Color ?? trace.Line?.Color ?? Colorway.ForTrace(index);

    public static double LineWidth(Trace trace) => trace.Line?.Width ?? Theme.LineWidth;

    public static double MarkerSize(Trace trace) => trace.Marker?.Size ?? Theme.MarkerSize;

    public static bool HasLines(Trace trace) => trace.Type == TraceType.Scatter && trace.Mode != Mode.Markers;

    public static bool HasMarkers(Trace trace) => trace.Type == TraceType.Scatter && trace.Mode != Mode.Lines;

    /// <summary>plotly.js's dash patterns, scaled by line width the same way (Drawing.dashStyle).</summary>
    public static string? DashArray(Trace trace)
    {
        double w = Math.Max(LineWidth(trace), 3);
        string F(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return trace.Line?.Dash switch
        {
            DrawingStyle.Dot => $"{F(w)},{F(w)}",
            DrawingStyle.Dash => $"{F(3 * w)},{F(3 * w)}",
            DrawingStyle.DashDot => $"{F(3 * w)},{F(w)},{F(w)},{F(w)}",
            _ => null,
        };
    }

    public static string DisplayName(Trace trace, int index) =>
        trace.Name ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"trace {index}");
}
