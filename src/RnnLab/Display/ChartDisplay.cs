using RnnLab.Plots;
using PlotlyChart = Plotly.NET.GenericChart;

namespace RnnLab.Display;

/// <summary>
/// A Plotly.NET chart's notebook output: its figure JSON (<see cref="FigureJson"/>, as <c>GenericChart.toFigureJson</c>) rendered
/// by RnnLab.Plots (<see cref="PlotlyFigureDisplay.ToMimeBundle"/>) into text/plain, text/html (the
/// SVG as an image), image/svg+xml and the Plotly MIME type. No browser, CDN or script.
/// </summary>
internal static class ChartDisplay
{
    /// <summary>The MIME types of a chart's output.</summary>
    public static readonly string[] MimeTypes = ["text/plain", "text/html", "image/svg+xml", "application/vnd.plotly.v1+json"];

    private static readonly Lock Gate = new();
    private static (string FigureJson, IReadOnlyDictionary<string, string> Bundle)? _last;

    /// <summary>
    /// The chart's bundle. A kernel asks the Formatter once per MIME type, so the last figure's
    /// bundle is reused while its JSON is unchanged: one SVG rendering per output, and a chart
    /// restyled in place between two displays is still drawn afresh.
    /// </summary>
    public static IReadOnlyDictionary<string, string> BundleOf(PlotlyChart chart)
    {
        string figureJson = FigureJson.Of(chart);
        lock (Gate)
        {
            if (_last is { } last && last.FigureJson == figureJson) return last.Bundle;
            IReadOnlyDictionary<string, string> bundle = PlotlyFigureDisplay.ToMimeBundle(figureJson);
            _last = (figureJson, bundle);
            return bundle;
        }
    }
}
