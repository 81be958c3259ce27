namespace RnnLab.Plots;

/// <summary>A line's dash pattern (Plotly's <c>line.dash</c>).</summary>
public enum DrawingStyle
{
    Solid,
    Dash,
    Dot,
    DashDot,
}
