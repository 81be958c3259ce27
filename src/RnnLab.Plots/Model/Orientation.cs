namespace RnnLab.Plots;

/// <summary>Which way bars grow (Plotly's <c>orientation</c>: "v" or "h").</summary>
public enum Orientation
{
    Vertical,
    Horizontal,
}
