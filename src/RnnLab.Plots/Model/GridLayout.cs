namespace RnnLab.Plots;

/// <summary>Plotly's <c>layout.grid</c> with pattern "independent": one x/y axis pair per cell.</summary>
public sealed record GridLayout(int Rows, int Columns);
