namespace RnnLab.Plots.Tests;

/// <summary>
/// Every chart the notebook-level tests show, as a kernel would display it: the old chart API's
/// samples and the Plotly.NET figure fixtures, each with its display bundle and pixel size.
/// </summary>
public static class DisplayedCharts
{
    public sealed record Item(string Name, IReadOnlyDictionary<string, string> Bundle, int Width, int Height);

    public static IReadOnlyList<Item> All() =>
    [
        .. SampleCharts.All().Select(s => new Item(s.Name, s.Chart.ToMimeBundle(), s.Chart.Layout.Width ?? 700, s.Chart.Layout.Height ?? 450)),
        // Plotly.NET sets 600 x 600 on every figure that sets no size.
        .. FigureFixtures.Names.Select(n => new Item("figure " + n, PlotlyFigureDisplay.ToMimeBundle(FigureFixtures.Json(n)), 600, 600)),
    ];
}
