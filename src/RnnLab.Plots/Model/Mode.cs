namespace RnnLab.Plots;

/// <summary>How a scatter trace draws its points (Plotly's <c>mode</c>: "lines", "markers", "lines+markers").</summary>
public enum Mode
{
    Lines,
    Markers,
    Lines_Markers,
}
