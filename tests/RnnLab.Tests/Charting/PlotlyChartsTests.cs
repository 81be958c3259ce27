using RnnLab.Charting;

namespace RnnLab.Tests.Charting;

/// <summary>Each recipe's figure JSON has the traces and layout it promises, and RnnLab.Plots draws all of it.</summary>
public class PlotlyChartsTests
{
    [Fact]
    public void Loss_OneLinePerNamedSeries_OnALogAxis_WithTitles()
    {
        var figure = Figure.Of(PlotlyCharts.Loss([("train", [1.0, 0.5, 0.25]), ("validation", [1.2, 0.7, 0.6])]));
        Assert.Equal(["train", "validation"], figure.Traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([1.0, 2, 3], figure.Traces[0].GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("lines", figure.Text("data.0.mode"));
        Assert.Equal("log", figure.Text("layout.yaxis.type"));
        Assert.Equal("Training loss", figure.Text("layout.title.text"));
        Assert.Equal("epoch", figure.Text("layout.xaxis.title.text"));
        Assert.Equal("loss", figure.Text("layout.yaxis.title.text"));
        Assert.Contains("validation", figure.CleanSvg());
    }

    [Fact]
    public void Loss_LinearAxisOnRequest()
    {
        var figure = Figure.Of(PlotlyCharts.Loss(new LossHistory("toy", [0.0, 1.0]), log: false));
        Assert.Equal("linear", figure.Text("layout.yaxis.type"));
        figure.CleanSvg();
    }

    [Fact]
    public void Loss_FromHistories_NamesEachRunByItsLabel()
    {
        var figure = Figure.Of(PlotlyCharts.Loss([new LossHistory("RNN", [2.0, 1.0]), new LossHistory("LSTM", [2.0, 0.5])], title: "Runs", xTitle: "SGD step"));
        Assert.Equal(["RNN", "LSTM"], figure.Traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("Runs", figure.Text("layout.title.text"));
        Assert.Equal("SGD step", figure.Text("layout.xaxis.title.text"));
    }

    [Fact]
    public void Loss_AtGivenSteps_KeepsEachSeriesOwnSteps()
    {
        var figure = Figure.Of(PlotlyCharts.Loss([("train", [1.0, 2, 3, 4], [1.0, 0.8, 0.6, 0.5]), ("validation", [2.0, 4], [0.9, 0.7])]));
        Assert.Equal([2.0, 4], figure.Traces[1].GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("step", figure.Text("layout.xaxis.title.text"));
        figure.CleanSvg();
    }

    [Fact]
    public void Loss_Floor_IsADashedNamedLineAcrossEveryStep()
    {
        var figure = Figure.Of(PlotlyCharts.Loss([("train", [2.0, 3, 4], [1.0, 0.5, 0.3]), ("validation", [1.0, 5], [1.0, 0.4])], floor: 0.25));
        var floor = figure.Traces[2];
        Assert.Equal("floor 0.25", floor.GetProperty("name").GetString());
        Assert.Equal("dash", floor.GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal([1.0, 5], floor.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([0.25, 0.25], floor.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Contains("floor 0.25", figure.CleanSvg());
    }

    [Fact]
    public void Loss_SinglePoint_HasMarkers_SoItShows()
    {
        var figure = Figure.Of(PlotlyCharts.Loss([("train", [0.7])], floor: 0.1));
        Assert.Equal("lines+markers", figure.Text("data.0.mode"));
        Assert.Equal("lines+markers", figure.Text("data.1.mode"));
        figure.CleanSvg();
    }

    [Fact]
    public void Loss_NaN_IsAGapThatThePictureNotes()
    {
        string svg = RnnLab.Plots.PlotlyFigureDisplay.ToSvg(Figure.Of(PlotlyCharts.Loss([("train", [1.0, double.NaN, 0.5])])).Json);
        Assert.Contains(">Note: &quot;train&quot;: 1 NaN/infinite point not drawn", svg);
    }

    [Fact]
    public void SeriesVsPrediction_SolidTruth_DashedPrediction()
    {
        var figure = Figure.Of(PlotlyCharts.SeriesVsPrediction([0.0, 0.1, 0.2], [0.0, 0.1, 0.2], [0.0, 0.12, 0.19], name: "sin"));
        Assert.Equal(["sin (truth)", "sin (predicted)"], figure.Traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Null(figure.Text("data.0.line.dash"));
        Assert.Equal("dash", figure.Text("data.1.line.dash"));
        Assert.Equal("Prediction against truth", figure.Text("layout.title.text"));
        Assert.Equal("t", figure.Text("layout.xaxis.title.text"));
        Assert.Equal("sin", figure.Text("layout.yaxis.title.text"));
        Assert.Null(figure.At("layout.yaxis2"));
        figure.CleanSvg();
    }

    [Fact]
    public void SeriesVsPrediction_Residuals_ArePredictionMinusTruth_InAPanelBelow()
    {
        var figure = Figure.Of(PlotlyCharts.SeriesVsPrediction([1.0, 2, 3], [1.0, 2, 3], [1.5, 2, 2.5], residuals: true));
        var residual = figure.Traces[2];
        Assert.Equal([0.5, 0, -0.5], residual.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("y2", residual.GetProperty("yaxis").GetString());
        Assert.Equal("residual", figure.Text("layout.yaxis2.title.text"));
        Assert.Equal(0.24, figure.Number("layout.yaxis2.domain.1"));
        Assert.Equal(0.34, figure.Number("layout.yaxis.domain.0"));
        Assert.Equal("y2", figure.Text("layout.xaxis.anchor"));   // the shared x axis sits under the lower panel
        Assert.Contains("residual (predicted − truth)", figure.CleanSvg());
    }

    [Fact]
    public void PhasePlane_EqualAspect_LegendAboveThePlot()
    {
        double[] angles = [.. Enumerable.Range(0, 40).Select(i => i * Math.PI / 20)];
        var figure = Figure.Of(PlotlyCharts.PhasePlane([
            ("truth", [.. angles.Select(Math.Sin)], [.. angles.Select(Math.Cos)]),
            ("rollout", [.. angles.Select(a => 0.9 * Math.Sin(a))], [.. angles.Select(a => 0.9 * Math.Cos(a))])]));
        Assert.Equal("x", figure.Text("layout.yaxis.scaleanchor"));
        Assert.Equal(1.0, figure.Number("layout.yaxis.scaleratio"));
        Assert.Equal("h", figure.Text("layout.legend.orientation"));
        Assert.Equal("bottom", figure.Text("layout.legend.yanchor"));
        Assert.True(figure.Number("layout.legend.y") > 1);
        Assert.Equal("Phase plane", figure.Text("layout.title.text"));
        Assert.Equal("first coordinate (sin)", figure.Text("layout.xaxis.title.text"));
        Assert.Equal("second coordinate (cos)", figure.Text("layout.yaxis.title.text"));
        Assert.Equal("lines", figure.Text("data.0.mode"));
        figure.CleanSvg();
    }

    [Fact]
    public void PhasePlane_Markers_OnRequestAndForALonePoint()
    {
        var figure = Figure.Of(PlotlyCharts.PhasePlane([("points", [0.0, 1], [1.0, 0]), ("start", [0.0], [1.0])], markers: true));
        Assert.Equal("lines+markers", figure.Text("data.0.mode"));
        Assert.Equal("lines+markers", Figure.Of(PlotlyCharts.PhasePlane([("start", [0.0], [1.0])])).Text("data.0.mode"));
        figure.CleanSvg();
    }

    [Fact]
    public void Heatmap_ValuesInMinusOneToOne_DivergingAroundZero_RowZeroOnTop()
    {
        double[,] matrix = { { 0.5, -0.2, 1 }, { -1, 0, 0.3 } };
        var figure = Figure.Of(PlotlyCharts.Heatmap(matrix, ["g", "o", "o"], ["unit 0", "unit 1"], title: "Hidden state",
            xTitle: "character", yTitle: "hidden unit", colorBarTitle: "activation"));
        var trace = figure.Traces[0];
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        Assert.Equal(0.0, figure.Number("data.0.zmid"));
        Assert.Equal("RdBu", figure.Text("data.0.colorscale"));
        Assert.Equal("activation", figure.Text("data.0.colorbar.title.text"));
        Assert.Equal([0.5, -0.2, 1], trace.GetProperty("z")[0].EnumerateArray().Select(v => v.GetDouble()));   // data in matrix order
        Assert.Equal("reversed", figure.Text("layout.yaxis.autorange"));                                    // drawn row 0 on top
        Assert.Equal(3, trace.GetProperty("x").EnumerateArray().Select(v => v.GetString()).Distinct().Count()); // repeated labels kept apart
        Assert.Equal("Hidden state", figure.Text("layout.title.text"));
        Assert.Equal("character", figure.Text("layout.xaxis.title.text"));
        Assert.Equal("hidden unit", figure.Text("layout.yaxis.title.text"));
        Assert.Contains("activation", figure.CleanSvg());
    }

    [Fact]
    public void Heatmap_OtherValues_SequentialScale_NoMidpoint()
    {
        var figure = Figure.Of(PlotlyCharts.Heatmap([[0.0, 2.0], [3.0, 4.0]]));
        Assert.Equal("Viridis", figure.Text("data.0.colorscale"));
        Assert.Null(figure.At("data.0.zmid"));
        Assert.Equal("value", figure.Text("data.0.colorbar.title.text"));
        Assert.Equal("column", figure.Text("layout.xaxis.title.text"));
        Assert.Equal("row", figure.Text("layout.yaxis.title.text"));
        figure.CleanSvg();
        Assert.Equal(0.0, Figure.Of(PlotlyCharts.Heatmap([[0.0, 2.0]], diverging: true)).Number("data.0.zmid"));
    }

    [Fact]
    public void GradientNorms_LogAxis_MarkersOnEveryCurve()
    {
        var figure = Figure.Of(PlotlyCharts.GradientNorms([("ρ = 0.5", [1e-6, 1e-3, 1.0]), ("one step", [0.3])]));
        Assert.Equal("log", figure.Text("layout.yaxis.type"));
        Assert.All(figure.Traces, t => Assert.Equal("lines+markers", t.GetProperty("mode").GetString()));
        Assert.Equal([0.0, 1, 2], figure.Traces[0].GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("Gradient norm at each time step", figure.Text("layout.title.text"));
        Assert.Equal("time step t", figure.Text("layout.xaxis.title.text"));
        Assert.Equal("gradient norm", figure.Text("layout.yaxis.title.text"));
        Assert.Contains("one step", figure.CleanSvg());
    }
}
