using RnnLab.Plots;
using GenericChart = Plotly.NET.GenericChart;

namespace RnnLab.Charting;

/// <summary>
/// One frame of a live chart as the kernel displays it: the same four outputs a
/// <see cref="GenericChart"/> gets through the Formatter registration
/// (<c>PlotlyFigureDisplay.ToMimeBundle</c> of the chart's <see cref="Display.FigureJson"/>), through the
/// kernel's <c>ToMimeBundle()</c> convention instead, so a frame is serialized once, not once per MIME type.
/// </summary>
internal sealed class ChartFrame(GenericChart chart)
{
    private readonly string _figureJson = Display.FigureJson.Of(chart);

    /// <summary>The chart this frame shows.</summary>
    public GenericChart Chart { get; } = chart;

    /// <summary>The figure JSON, serialized once.</summary>
    public string FigureJson => _figureJson;

    /// <summary>text/plain, text/html, image/svg+xml and the Plotly MIME type of the chart.</summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle() => PlotlyFigureDisplay.ToMimeBundle(_figureJson);

    /// <summary>The chart's one-line summary.</summary>
    public override string ToString() => PlotlyFigureDisplay.Summary(_figureJson);
}
