namespace RnnLab.Plots;

/// <summary>
/// Where a heatmap's colour bar sits, in Plotly's <c>colorbar</c> units: x and y as fractions of
/// the plot area (paper), len as a fraction of its height. Set by <see cref="Chart.Grid(IEnumerable{GenericChart}, int, int)"/>
/// so each subplot's bar sits beside it; null means Plotly's default (right of the whole plot).
/// </summary>
public sealed record ColorBar(double X, double Y, double Len);
