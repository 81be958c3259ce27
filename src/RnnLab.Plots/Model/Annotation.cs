namespace RnnLab.Plots;

/// <summary>
/// A text label placed in plot-area fractions (Plotly's annotation with xref/yref "paper",
/// anchored at its bottom centre). Grid uses it for subplot titles, as Plotly's own
/// make_subplots does.
/// </summary>
public sealed record Annotation(string Text, double X, double Y);
