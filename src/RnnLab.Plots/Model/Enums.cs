namespace RnnLab.Plots;

/// <summary>How a scatter trace draws its points (Plotly's <c>mode</c>: "lines", "markers", "lines+markers").</summary>
public enum Mode
{
    Lines,
    Markers,
    Lines_Markers,
}

/// <summary>An axis' scale (Plotly's axis <c>type</c>). Auto picks category for text data, linear otherwise.</summary>
public enum AxisType
{
    Auto,
    Linear,
    Log,
    Category,
}

/// <summary>A line's dash pattern (Plotly's <c>line.dash</c>).</summary>
public enum DrawingStyle
{
    Solid,
    Dash,
    Dot,
    DashDot,
}

/// <summary>Which way bars grow (Plotly's <c>orientation</c>: "v" or "h").</summary>
public enum Orientation
{
    Vertical,
    Horizontal,
}

/// <summary>Plotly's trace <c>type</c> for the kinds of trace this library draws.</summary>
public enum TraceType
{
    Scatter,
    Bar,
    Heatmap,
}
