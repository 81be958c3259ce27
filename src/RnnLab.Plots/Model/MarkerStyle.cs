namespace RnnLab.Plots;

/// <summary>Plotly's <c>marker</c> object (points of a scatter, fill of bars). Null means default.</summary>
public sealed record MarkerStyle(string? Color = null, double? Size = null);
