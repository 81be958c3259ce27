namespace RnnLab.Plots;

/// <summary>Styling in Plotly.NET's fluent C# form: <c>chart.WithTitle("Loss").WithYAxisStyle("loss", AxisType: AxisType.Log)</c>.</summary>
public static class ChartExtensions
{
    public static GenericChart WithTitle(this GenericChart chart, string title) =>
        chart.With(layout: chart.Layout with { Title = title });

    public static GenericChart WithTitle(this GenericChart chart, Title title) => chart.WithTitle(title.Text);

    /// <summary>
    /// Styles x axis <paramref name="Id"/> (1 unless a grid cell). <paramref name="MinMax"/> is in data
    /// units even on a log axis (Plotly.NET passes Plotly's log10 units through).
    /// </summary>
    public static GenericChart WithXAxisStyle(this GenericChart chart, string? TitleText = null,
        AxisType? AxisType = null, (double Min, double Max)? MinMax = null, bool? ShowGrid = null, int Id = 1) =>
        chart.With(layout: chart.Layout with
        {
            XAxes = chart.Layout.XAxes.SetItem(Id, chart.Layout.XAxis(Id).MergedWith(
                NewAxis(TitleText, AxisType, MinMax, ShowGrid))),
        });

    public static GenericChart WithXAxisStyle(this GenericChart chart, Title TitleText,
        AxisType? AxisType = null, (double Min, double Max)? MinMax = null, bool? ShowGrid = null, int Id = 1) =>
        chart.WithXAxisStyle(TitleText.Text, AxisType, MinMax, ShowGrid, Id);

    /// <summary>Styles y axis <paramref name="Id"/>; see <see cref="WithXAxisStyle(GenericChart, string?, AxisType?, ValueTuple{double, double}?, bool?, int)"/>.</summary>
    public static GenericChart WithYAxisStyle(this GenericChart chart, string? TitleText = null,
        AxisType? AxisType = null, (double Min, double Max)? MinMax = null, bool? ShowGrid = null, int Id = 1) =>
        chart.With(layout: chart.Layout with
        {
            YAxes = chart.Layout.YAxes.SetItem(Id, chart.Layout.YAxis(Id).MergedWith(
                NewAxis(TitleText, AxisType, MinMax, ShowGrid))),
        });

    public static GenericChart WithYAxisStyle(this GenericChart chart, Title TitleText,
        AxisType? AxisType = null, (double Min, double Max)? MinMax = null, bool? ShowGrid = null, int Id = 1) =>
        chart.WithYAxisStyle(TitleText.Text, AxisType, MinMax, ShowGrid, Id);

    /// <summary>Shows or hides the legend (by default it shows when there is more than one trace).</summary>
    public static GenericChart WithLegend(this GenericChart chart, bool showLegend) =>
        chart.With(layout: chart.Layout with { ShowLegend = showLegend });

    /// <summary>Figure size in pixels (default 700 x 450, Plotly's).</summary>
    public static GenericChart WithSize(this GenericChart chart, int Width, int Height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(Height, 100);
        return chart.With(layout: chart.Layout with { Width = Width, Height = Height });
    }

    /// <summary>Adds Plotly JSON (<c>application/vnd.plotly.v1+json</c>) to this chart's display bundle.</summary>
    public static GenericChart WithPlotlyJson(this GenericChart chart, bool include = true) =>
        chart.With(includePlotlyJson: include);

    // Parameter names match the public methods, so argument errors name what the caller wrote.
    private static Axis NewAxis(string? TitleText, AxisType? AxisType, (double Min, double Max)? MinMax, bool? ShowGrid)
    {
        if (MinMax is { } r && !(double.IsFinite(r.Min) && double.IsFinite(r.Max) && r.Min < r.Max))
            throw new ArgumentException($"MinMax must be finite with Min < Max; got ({r.Min}, {r.Max}).", nameof(MinMax));
        return new Axis { Title = TitleText, Type = AxisType, Range = MinMax, ShowGrid = ShowGrid };
    }
}
