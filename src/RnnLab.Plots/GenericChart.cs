using System.Collections.Immutable;
using RnnLab.Plots.Json;
using RnnLab.Plots.Output;

namespace RnnLab.Plots;

/// <summary>
/// A figure: Plotly's <c>data</c> (traces) and <c>layout</c>. Immutable: every <c>With...</c>
/// returns a new chart, so a chart kept in a notebook variable never changes behind your back.
/// A notebook kernel displays it through <see cref="ToMimeBundle"/>.
/// </summary>
public sealed class GenericChart
{
    internal GenericChart(ImmutableArray<Trace> traces, Layout layout, bool includePlotlyJson)
    {
        Traces = traces;
        Layout = layout;
        IncludePlotlyJson = includePlotlyJson;
    }

    /// <summary>
    /// When true, every chart's display bundle also carries Plotly JSON
    /// (<c>application/vnd.plotly.v1+json</c>), as if <see cref="ChartExtensions.WithPlotlyJson"/>
    /// had been called. Off by default: VS Code then prefers the JSON over our image and needs its
    /// Plotly renderer extension to show anything.
    /// </summary>
    public static bool IncludePlotlyJsonByDefault { get; set; }

    public ImmutableArray<Trace> Traces { get; }

    public Layout Layout { get; }

    /// <summary>Whether this chart's display bundle carries Plotly JSON (see <see cref="IncludePlotlyJsonByDefault"/>).</summary>
    public bool IncludePlotlyJson { get; }

    internal GenericChart With(ImmutableArray<Trace>? traces = null, Layout? layout = null, bool? includePlotlyJson = null) =>
        new(traces ?? Traces, layout ?? Layout, includePlotlyJson ?? IncludePlotlyJson);

    /// <summary>The figure as Plotly JSON (<c>{"data": [...], "layout": {...}}</c>) that plotly.js renders as is.</summary>
    public string ToJson() => PlotlyJsonWriter.Write(this);

    /// <summary>
    /// The static SVG: this chart's Plotly JSON drawn by <see cref="PlotlyFigureDisplay"/>, the
    /// renderer every Plotly figure goes through. The same figure always gives the same bytes.
    /// </summary>
    public string ToSvg() => PlotlyFigureDisplay.ToSvg(ToJson());

    public void SaveSvg(string path) => File.WriteAllText(path, ToSvg());

    /// <summary>A standalone HTML page with the SVG inline; no scripts, nothing fetched.</summary>
    public void SaveHtml(string path) => File.WriteAllText(path, HtmlPage.Standalone(this));

    /// <summary>
    /// The notebook display convention: MIME type to data. <c>text/plain</c> summary,
    /// <c>text/html</c> with an &lt;img&gt; of the SVG as a data URI (survives nbconvert, untrusted
    /// notebooks and GitHub), <c>image/svg+xml</c>, and Plotly JSON only when opted in.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle()
    {
        var bundle = new Dictionary<string, string>(PlotlyFigureDisplay.ToMimeBundle(ToJson()));
        if (!IncludePlotlyJson) bundle.Remove(PlotlyFigureDisplay.PlotlyMimeType);
        return bundle;
    }

    /// <summary>The one-line summary, e.g. <c>Chart: "Loss" — 1 trace (line, 100 points)</c>.</summary>
    public override string ToString() => PlotlyFigureDisplay.Summary(ToJson());
}
