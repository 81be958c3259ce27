namespace RnnLab.Plots.Tests;

public class ChartApiTests
{
    [Fact]
    public void AcceptsDoublesFloatsIntsAndSequences()
    {
        Assert.Equal([1.5, 2.5], Chart.Line(new[] { 1, 2 }, new[] { 1.5f, 2.5f }).Traces[0].Y!.Numbers!);
        Assert.Equal([3.0, 4.0], Chart.Line(new long[] { 1, 2 }, Enumerable.Range(3, 2)).Traces[0].Y!.Numbers!);
        Assert.Equal([0.25], Chart.Point(new[] { 1m }, new List<decimal> { 0.25m }).Traces[0].Y!.Numbers!);
    }

    [Fact]
    public void NullValues_BecomeNaN_AndSoVisibleGaps()
    {
        var chart = Chart.Line(new[] { 0, 1, 2 }, new double?[] { 1, null, 3 });
        Assert.True(double.IsNaN(chart.Traces[0].Y!.Numbers![1]));
        Assert.Contains("1 NaN/infinite point not drawn", chart.ToSvg(), StringComparison.Ordinal);
    }

    [Fact]
    public void NonNumbers_AreRejectedWithTheirType()
    {
        var error = Assert.Throws<ArgumentException>(() => Chart.Line(new[] { 0, 1 }, new object[] { 1.0, DateTime.MinValue }));
        Assert.Contains("y[1] is DateTime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FloatMatrix_MakesAHeatmap()
    {
        var trace = Chart.Heatmap(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } }).Traces[0];
        Assert.Equal(2, trace.Z!.Length);
        Assert.Equal(6.0, trace.Z[1][2]);
    }

    [Fact]
    public void StringX_IsCategorical()
    {
        var trace = Chart.Line(new[] { "mon", "tue" }, new[] { 1, 2 }).Traces[0];
        Assert.True(trace.X!.IsCategorical);
        Assert.Equal(["mon", "tue"], trace.X.Categories!);
    }

    [Fact]
    public void MismatchedLengths_SayWhich()
    {
        var error = Assert.Throws<ArgumentException>(() => Chart.Line(new[] { 1, 2, 3 }, new[] { 1, 2 }));
        Assert.Contains("x has 3 values, y has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InputArrays_AreCopied()
    {
        var y = new[] { 1.0, 2.0 };
        var chart = Chart.Line(new[] { 0, 1 }, y);
        y[0] = 99;
        Assert.Equal(1.0, chart.Traces[0].Y!.Numbers![0]);
    }

    [Fact]
    public void WithMethods_ReturnNewCharts()
    {
        var plain = Chart.Line(new[] { 0, 1 }, new[] { 0, 1 });
        var titled = plain.WithTitle("t").WithSize(400, 300).WithXAxisStyle(Title.init("x"), AxisType: AxisType.Log, MinMax: (1, 10));
        Assert.Null(plain.Layout.Title);
        Assert.Equal("t", titled.Layout.Title);
        Assert.Equal((400, 300), (titled.Layout.Width, titled.Layout.Height));
        Assert.Equal(AxisType.Log, titled.Layout.XAxis(1).Type);
        Assert.Equal("x", titled.Layout.XAxis(1).Title);
        Assert.Equal((1.0, 10.0), titled.Layout.XAxis(1).Range);
    }

    [Fact]
    public void AxisStyles_MergeRatherThanReplace()
    {
        var chart = Chart.Line(new[] { 0, 1 }, new[] { 1, 2 }).WithYAxisStyle("loss").WithYAxisStyle(AxisType: AxisType.Log);
        Assert.Equal("loss", chart.Layout.YAxis(1).Title);
        Assert.Equal(AxisType.Log, chart.Layout.YAxis(1).Type);
    }

    [Fact]
    public void Combine_KeepsTraceOrder_AndLaterLayoutWins()
    {
        var a = Chart.Line(new[] { 0, 1 }, new[] { 0, 1 }, Name: "a").WithTitle("first");
        var b = Chart.Line(new[] { 0, 1 }, new[] { 1, 0 }, Name: "b").WithTitle("second");
        var combined = Chart.Combine(new List<GenericChart> { a, b });
        Assert.Equal(["a", "b"], combined.Traces.Select(t => t.Name));
        Assert.Equal("second", combined.Layout.Title);
        Assert.Equal(combined.ToJson(), Chart.Combine(a, b).ToJson());
    }

    [Fact]
    public void Grid_CurriedForm_MatchesPlainForm()
    {
        GenericChart[] charts = [SampleCharts.LossCurve(), SampleCharts.LogLoss()];
        Assert.Equal(Chart.Grid(charts, 1, 2).ToJson(), Chart.Grid(1, 2)(charts).ToJson());
    }

    [Fact]
    public void Grid_RejectsTooManyChartsAndNesting()
    {
        var c = SampleCharts.LossCurve();
        Assert.Throws<ArgumentException>(() => Chart.Grid([c, c, c], 1, 2));
        var grid = Chart.Grid([c, c], 1, 2);
        Assert.Throws<ArgumentException>(() => Chart.Grid([grid, c], 1, 2));
    }

    [Fact]
    public void Heatmap_RejectsRaggedRowsAndWrongLabelCounts()
    {
        Assert.Throws<ArgumentException>(() => Chart.Heatmap(new[] { new[] { 1.0, 2 }, new[] { 3.0 } }));
        Assert.Throws<ArgumentException>(() => Chart.Heatmap(new[] { new[] { 1.0, 2 } }, X: new[] { "a" }));
    }

    [Fact]
    public void Bar_IsHorizontalAndColumnVertical_AsInPlotlyNet()
    {
        Assert.Equal(Orientation.Horizontal, Chart.Bar(new[] { 1, 2 }).Traces[0].Orientation);
        Assert.Equal(Orientation.Vertical, Chart.Column(new[] { 1, 2 }).Traces[0].Orientation);
        Assert.Equal([0.0, 1.0], Chart.Column(new[] { 5, 6 }).Traces[0].X!.Numbers!);
    }

    [Fact]
    public void CustomColorscale_InterpolatesBetweenStops()
    {
        var scale = Colorscale.Custom([(0, "#000000"), (1, "#ffffff")]);
        Assert.Equal("#808080", scale.ColorAt(0.5));
        Assert.Equal("#440154", Colorscale.Viridis.ColorAt(0));
        Assert.Equal("#fde725", Colorscale.Viridis.ColorAt(1));
        Assert.Throws<ArgumentException>(() => Colorscale.Custom([(0.1, "#000000"), (1, "#ffffff")]));
    }
}
