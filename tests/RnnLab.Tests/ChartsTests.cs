using TorchSharp;
using static TorchSharp.torch;

namespace RnnLab.Tests;

public class ChartsTests
{
    private static string Svg(RnnLab.Plots.GenericChart chart) => chart.ToMimeBundle()["image/svg+xml"];

    [Fact]
    public void LossChart_HasOneLinePerRunAndALogAxis()
    {
        var a = new LossHistory("tanh", [1.0, 0.1, 0.01]);
        var b = new LossHistory("relu", [1.0, 0.5, 0.2]);
        var chart = Charts.Loss([a, b]);
        Assert.Equal(2, chart.Traces.Length);
        string svg = Svg(chart);
        Assert.Contains("tanh", svg);
        Assert.Equal(RnnLab.Plots.AxisType.Log, chart.Layout.YAxis(1).Type);
        Assert.Equal(RnnLab.Plots.AxisType.Linear, Charts.Loss(a, log: false).Layout.YAxis(1).Type);
    }

    [Fact]
    public void PhasePlane_RejectsPointsThatAreNotPairs()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.PhasePlane([("x", zeros(5, 3))]));
        Assert.StartsWith("Charts.PhasePlane: series \"x\" must be 2-D (time, 2), but got torch.Size([5, 3])", error.Message);
        error = Assert.Throws<ArgumentException>(() => Charts.PhasePlane([("y", zeros(5))]));
        Assert.StartsWith("Charts.PhasePlane: series \"y\" must be 2-D (time, 2), but got torch.Size([5])", error.Message);
    }

    [Fact]
    public void Heatmap_PutsRowZeroAtTheTop()
    {
        var matrix = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        var chart = Charts.Heatmap(matrix, ["a", "b", "c"], ["first", "second"]);
        var z = chart.Traces[0].Z!;
        Assert.Equal([4.0, 5.0, 6.0], z[0]);
        Assert.Equal([1.0, 2.0, 3.0], z[1]);
    }

    [Fact]
    public void Heatmap_LabelsMustMatchTheMatrix()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.Heatmap(zeros(2, 3), ["a"], ["r1", "r2"]));
        Assert.Equal("columnLabels", error.ParamName);
        Assert.StartsWith("Charts.Heatmap: 2 row labels and 1 column labels do not match matrix of torch.Size([2, 3])", error.Message);
    }

    [Fact]
    public void Heatmap_NeedsAMatrix()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.Heatmap(zeros(2, 3, 4), ["a"], ["r1"]));
        Assert.Equal("matrix", error.ParamName);
        Assert.StartsWith("Charts.Heatmap: matrix must be 2-D (rows, columns), but got torch.Size([2, 3, 4])", error.Message);
    }

    [Fact]
    public void SeriesVsPrediction_NeedsVectorsOfOneLength()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.SeriesVsPrediction(arange(4.0), zeros(4, 2), zeros(4)));
        Assert.Equal("truth", error.ParamName);
        Assert.StartsWith("Charts.SeriesVsPrediction: truth must be 1-D, but got torch.Size([4, 2])", error.Message);
        error = Assert.Throws<ArgumentException>(() => Charts.SeriesVsPrediction(arange(4.0), zeros(4), zeros(3)));
        Assert.Equal("prediction", error.ParamName);
        Assert.Contains("torch.Size([4]), torch.Size([4]) and torch.Size([3])", error.Message);
    }

    [Fact]
    public void Charts_ReadAnyRealDtype_AndNonContiguousViews()
    {
        var points = stack([arange(3.0), arange(3.0) * 10], dim: 0).t();       // (3, 2), a transposed view
        var chart = Charts.PhasePlane([("view", points)]);
        Assert.Equal([0.0, 1.0, 2.0], chart.Traces[0].X!.Numbers!);
        Assert.Equal([0.0, 10.0, 20.0], chart.Traces[0].Y!.Numbers!);
        var heat = Charts.Heatmap(tensor(new long[] { 1, 2, 3, 4 }, [2, 2]), ["a", "b"], ["r", "s"]);
        Assert.Equal([3.0, 4.0], heat.Traces[0].Z![0]);
    }

    [Fact]
    public void GradientNorms_DrawOneLinePerCurve()
    {
        var chart = Charts.GradientNorms([("rho 0.5", [1e-6, 1e-3, 1.0]), ("rho 1.5", [2.0, 1.5, 1.0])]);
        Assert.Equal(2, chart.Traces.Length);
        Assert.Contains("rho 1.5", Svg(chart));
    }

    [Fact]
    public void SeriesVsPrediction_NamesBothLines()
    {
        var x = arange(4.0);
        var chart = Charts.SeriesVsPrediction(x, x, x.mul(2.0), name: "sin");
        Assert.Contains("sin (truth)", Svg(chart));
        Assert.Contains("sin (predicted)", Svg(chart));
    }
}

public class LossChartAxisTests
{
    [Fact]
    public void LossChart_NamesWhatTheXAxisCounts()
    {
        var history = new LossHistory("run", [1.0, 0.5]);
        Assert.Equal("epoch", Charts.Loss(history).Layout.XAxis(1).Title);
        Assert.Equal("SGD step", Charts.Loss(history, xTitle: "SGD step").Layout.XAxis(1).Title);
    }
}
