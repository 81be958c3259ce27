using RnnLab.Torch;

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
        var error = Assert.Throws<ArgumentException>(() => Charts.PhasePlane([("x", torch.zeros(5, 3))]));
        Assert.Contains("(time, 2)", error.Message);
    }

    [Fact]
    public void Heatmap_PutsRowZeroAtTheTop()
    {
        var matrix = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        var chart = Charts.Heatmap(matrix, ["a", "b", "c"], ["first", "second"]);
        var z = chart.Traces[0].Z!;
        Assert.Equal([4.0, 5.0, 6.0], z[0]);
        Assert.Equal([1.0, 2.0, 3.0], z[1]);
    }

    [Fact]
    public void Heatmap_LabelsMustMatchTheMatrix() =>
        Assert.Throws<ArgumentException>(() => Charts.Heatmap(torch.zeros(2, 3), ["a"], ["r1", "r2"]));

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
        var x = torch.arange(4.0);
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
