using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Plotly.NET.TraceObjects;
using CSharpExtensions = Plotly.NET.CSharp.GenericChartExtensions;

namespace RnnLab.Charting;

/// <summary>
/// The conveniences every notebook needs that Plotly.NET.CSharp 0.14 lacks or hides behind explicit
/// generic arguments (CS0411) or walls of FSharpOption parameters (<c>Title.init</c> takes 12,
/// <c>Chart.withColorBarStyle</c> 49, <c>Chart.withMarkerStyle</c> 34). Like Plotly.NET's own
/// <c>With…</c> methods, each changes the chart and returns it, so they chain with Plotly.NET's.
/// Plotly.NET's objects are DynamicObjs: the few properties set by name here use plotly.js's
/// schema names, which is what lands in the figure JSON (the tests read them back from there).
/// </summary>
public static class PlotlyChartExtensions
{
    /// <summary>The chart's title (layout.title.text).</summary>
    public static GenericChart WithTitle(this GenericChart chart, string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return Plotly.NET.Chart.withTitle(title, FSharpOption<Font>.None).Invoke(chart);
    }

    /// <summary>The x axis' title (layout.xaxis.title.text); the axis' other settings stay.</summary>
    public static GenericChart WithXAxisTitle(this GenericChart chart, string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return CSharpExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: title);
    }

    /// <summary>The y axis' title (layout.yaxis.title.text); the axis' other settings stay.</summary>
    public static GenericChart WithYAxisTitle(this GenericChart chart, string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return CSharpExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: title);
    }

    /// <summary>Both axis titles at once.</summary>
    public static GenericChart WithAxisTitles(this GenericChart chart, string x, string y) =>
        chart.WithXAxisTitle(x).WithYAxisTitle(y);

    /// <summary>A log y axis (or linear again with <paramref name="log"/> false).</summary>
    public static GenericChart WithLogYAxis(this GenericChart chart, bool log = true) =>
        CSharpExtensions.WithYAxisStyle<double, double, string>(chart,
            AxisType: log ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear);

    /// <summary>
    /// One unit of y as long as one unit of x (yaxis.scaleanchor "x", scaleratio 1): a circle
    /// stays round whatever the figure's size; the axis with room to spare widens its range.
    /// </summary>
    public static GenericChart WithEqualAspect(this GenericChart chart)
    {
        var axis = new LinearAxis();
        axis.SetProperty("scaleanchor", "x");
        axis.SetProperty("scaleratio", 1.0);
        return Plotly.NET.Chart.withYAxis(axis, FSharpOption<StyleParam.SubPlotId>.None).Invoke(chart);
    }

    /// <summary>The title of every colour bar in the chart (a heatmap's scale): what the colours measure.</summary>
    public static GenericChart WithColorBarTitle(this GenericChart chart, string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return MapTraces(chart, HasColorScale, trace =>
        {
            var bar = Existing<ColorBar>(trace, "colorbar") ?? new ColorBar();
            var text = new Title();
            text.SetProperty("text", title);
            bar.SetProperty("title", text);
            trace.SetProperty("colorbar", bar);
        });
    }

    /// <summary>
    /// The value in the middle of the colour scale (zmid) of every heatmap-like trace: with a
    /// diverging scale and 0, negative and positive values get opposite hues of equal strength.
    /// </summary>
    public static GenericChart WithColorMidpoint(this GenericChart chart, double mid)
    {
        if (!double.IsFinite(mid)) throw new ArgumentOutOfRangeException(nameof(mid), mid, "the midpoint must be a finite number");
        return MapTraces(chart, HasColorScale, trace => trace.SetProperty("zmid", mid));
    }

    /// <summary>The marker diameter in pixels of every trace (plotly.js's default is 6); the markers' other settings stay.</summary>
    public static GenericChart WithMarkerSize(this GenericChart chart, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return MapTraces(chart, _ => true, trace =>
        {
            var marker = Existing<Marker>(trace, "marker") ?? new Marker();
            marker.SetProperty("size", size);
            trace.SetProperty("marker", marker);
        });
    }

    // F#'s None is null at run time, so an absent property reads as null here.
    private static T? Existing<T>(Trace trace, string property) where T : class =>
        trace.TryGetTypedPropertyValue<T>(property) is { } some ? some.Value : null;

    /// <summary>Traces that carry their own colour scale (a z array): heatmaps, contours; not lines.</summary>
    private static bool HasColorScale(Trace trace) => trace.TryGetPropertyValue("z") is not null;

    private static GenericChart MapTraces(GenericChart chart, Func<Trace, bool> applies, Action<Trace> update) =>
        GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            if (applies(trace)) update(trace);
            return trace;
        }), chart);
}
