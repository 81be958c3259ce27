using RnnLab.Plots;
using GenericChart = Plotly.NET.GenericChart;

namespace RnnLab.Charting;

/// <summary>
/// One frame of a live chart as the kernel displays it: the same four outputs a
/// <see cref="GenericChart"/> gets through the Formatter registration
/// (<c>PlotlyFigureDisplay.ToMimeBundle(GenericChart.toFigureJson(chart))</c>), through the kernel's
/// <c>ToMimeBundle()</c> convention instead. The Formatter asks once per MIME type, and each ask
/// serializes the figure again; Plotly.NET spends nearly all of a redraw's time there (mostly its
/// 8.5 KB default template), so a frame serialized once redraws about four times as often within the same budget.
/// </summary>
internal sealed class ChartFrame(GenericChart chart)
{
    private readonly string _figureJson = GenericChart.toFigureJson(chart);

    /// <summary>The chart this frame shows.</summary>
    public GenericChart Chart { get; } = chart;

    /// <summary>The figure JSON, serialized once.</summary>
    public string FigureJson => _figureJson;

    /// <summary>text/plain, text/html, image/svg+xml and the Plotly MIME type of the chart.</summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle() => PlotlyFigureDisplay.ToMimeBundle(_figureJson);

    /// <summary>The chart's one-line summary.</summary>
    public override string ToString() => PlotlyFigureDisplay.Summary(_figureJson);
}
