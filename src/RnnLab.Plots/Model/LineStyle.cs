namespace RnnLab.Plots;

/// <summary>Plotly's <c>line</c> object of a scatter trace. Null members mean "Plotly's default".</summary>
public sealed record LineStyle(string? Color = null, double? Width = null, DrawingStyle? Dash = null);
