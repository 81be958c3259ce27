namespace RnnLab.Plots.Svg;

/// <summary>
/// Ticks of one axis. Positions are in the axis' scale units: data units on a linear axis, log10
/// of the data on a log axis, category index on a category axis.
/// </summary>
internal sealed record TickSet(double[] Positions, TickLabel[] Labels)
{
    public static TickSet Empty { get; } = new([], []);
}
