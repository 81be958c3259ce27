namespace RnnLab.Plots;

/// <summary>plotly.js's default <c>layout.colorway</c>: trace i gets colour i mod 10 unless it sets one.</summary>
public static class Colorway
{
    public static IReadOnlyList<string> Default { get; } =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    public static string ForTrace(int traceIndex) => Default[traceIndex % Default.Count];
}
