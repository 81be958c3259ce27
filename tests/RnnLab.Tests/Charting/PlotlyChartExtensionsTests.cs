using RnnLab.Charting;
using GenericChart = Plotly.NET.GenericChart;
using PlotlyCSharp = Plotly.NET.CSharp.Chart;

namespace RnnLab.Tests.Charting;

/// <summary>Each convenience writes the plotly.js property it promises and keeps what was set before.</summary>
public class PlotlyChartExtensionsTests
{
    private static GenericChart Line() =>
        PlotlyCSharp.Line<int, double, string>([1, 2, 3], [1.0, 0.5, 0.25], Name: "train", ShowMarkers: true, MarkerColor: Plotly.NET.Color.fromString("red"));

    private static GenericChart Heatmap() => PlotlyCSharp.Heatmap<double, string, string, string>([[1.0, -1.0], [0.5, 0.0]]);

    [Fact]
    public void Titles()
    {
        var figure = Figure.Of(Line().WithTitle("Loss").WithAxisTitles("epoch", "loss"));
        Assert.Equal("Loss", figure.Text("layout.title.text"));
        Assert.Equal("epoch", figure.Text("layout.xaxis.title.text"));
        Assert.Equal("loss", figure.Text("layout.yaxis.title.text"));
        figure.CleanSvg();
    }

    [Fact]
    public void AxisTitle_KeepsTheAxisType_AndLogCanBeUndone()
    {
        var chart = Line().WithLogYAxis().WithYAxisTitle("loss");
        Assert.Equal("log", Figure.Of(chart).Text("layout.yaxis.type"));
        var figure = Figure.Of(chart.WithLogYAxis(false));
        Assert.Equal("linear", figure.Text("layout.yaxis.type"));
        Assert.Equal("loss", figure.Text("layout.yaxis.title.text"));
    }

    [Fact]
    public void EqualAspect_AnchorsYToX()
    {
        var figure = Figure.Of(Line().WithYAxisTitle("cos").WithEqualAspect());
        Assert.Equal("x", figure.Text("layout.yaxis.scaleanchor"));
        Assert.Equal(1.0, figure.Number("layout.yaxis.scaleratio"));
        Assert.Equal("cos", figure.Text("layout.yaxis.title.text"));
        figure.CleanSvg();
    }

    [Fact]
    public void MarkerSize_OnEveryTrace_KeepingTheMarkerColour()
    {
        var figure = Figure.Of(Plotly.NET.CSharp.Chart.Combine([Line(), Line()]).WithMarkerSize(9));
        Assert.All(figure.Traces, t => Assert.Equal(9, t.GetProperty("marker").GetProperty("size").GetInt32()));
        Assert.Equal("red", figure.Text("data.0.marker.color"));
        figure.CleanSvg();
    }

    [Fact]
    public void ColorBarTitle_AndMidpoint_GoToHeatmapsOnly()
    {
        var figure = Figure.Of(Plotly.NET.CSharp.Chart.Combine([Heatmap(), Line()]).WithColorBarTitle("activation").WithColorMidpoint(0));
        Assert.Equal("activation", figure.Text("data.0.colorbar.title.text"));
        Assert.Equal(0.0, figure.Number("data.0.zmid"));
        Assert.Null(figure.At("data.1.colorbar"));   // a line has no colour bar: plotly.js would ignore it, and the SVG would note it
        Assert.Null(figure.At("data.1.zmid"));
        figure.CleanSvg();
    }

    [Fact]
    public void ColorBarTitle_KeepsTheColourBarsOtherSettings()
    {
        var bar = new Plotly.NET.ColorBar();
        bar.SetProperty("len", 0.5);
        var chart = PlotlyCSharp.Heatmap<double, string, string, string>([[1.0]], ColorBar: bar).WithColorBarTitle("value");
        var figure = Figure.Of(chart);
        Assert.Equal(0.5, figure.Number("data.0.colorbar.len"));
        Assert.Equal("value", figure.Text("data.0.colorbar.title.text"));
    }

    [Fact]
    public void BadArguments()
    {
        Assert.Throws<ArgumentNullException>(() => Line().WithTitle(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Line().WithMarkerSize(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Heatmap().WithColorMidpoint(double.NaN));
    }
}
