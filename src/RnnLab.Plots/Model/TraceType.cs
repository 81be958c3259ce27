namespace RnnLab.Plots;

/// <summary>Plotly's trace <c>type</c> for the kinds of trace this library draws.</summary>
public enum TraceType
{
    Scatter,
    Bar,
    Heatmap,
}
