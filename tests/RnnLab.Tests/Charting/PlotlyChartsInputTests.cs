using RnnLab.Charting;

namespace RnnLab.Tests.Charting;

/// <summary>Bad input to a recipe fails at once, naming the recipe, the argument and the lengths involved.</summary>
public class PlotlyChartsInputTests
{
    [Fact]
    public void NoSeries()
    {
        var error = Assert.Throws<ArgumentException>(() => PlotlyCharts.Loss(Array.Empty<(string, double[])>()));
        Assert.Equal("series", error.ParamName);
        Assert.StartsWith("PlotlyCharts.Loss: series holds no series to draw", error.Message);
    }

    [Fact]
    public void EmptySeries_IsNamed()
    {
        var error = Assert.Throws<ArgumentException>(() => PlotlyCharts.GradientNorms([("RNN", [1.0]), ("LSTM", [])]));
        Assert.StartsWith("PlotlyCharts.GradientNorms: series \"LSTM\" is empty", error.Message);
    }

    [Fact]
    public void EmptyHistory_IsNamed()
    {
        var error = Assert.Throws<ArgumentException>(() => PlotlyCharts.Loss(new LossHistory("char RNN")));
        Assert.StartsWith("PlotlyCharts.Loss: history \"char RNN\" is empty", error.Message);
    }

    [Fact]
    public void NullName_IsRefusedBeforePlotlyNetThrowsABareNullReference()
    {
        var error = Assert.Throws<ArgumentException>(() => PlotlyCharts.Loss([("train", [1.0]), (null!, [2.0])]));
        Assert.StartsWith("PlotlyCharts.Loss: series[1] has a null name", error.Message);
    }

    [Fact]
    public void StepsAndLosses_OfDifferentLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => PlotlyCharts.Loss([("validation", [10.0, 20, 30], [0.5, 0.4])]));
        Assert.StartsWith("PlotlyCharts.Loss: series \"validation\" steps and losses must have the same length, but have 3 and 2 values", error.Message);
    }

    [Fact]
    public void NaNStep()
    {
        var error = Assert.Throws<ArgumentException>(() => PlotlyCharts.Loss([("train", [1.0, double.NaN], [0.5, 0.4])]));
        Assert.StartsWith("PlotlyCharts.Loss: series \"train\" steps[1] is NaN; positions must be finite numbers", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    public void Floor_ThatALogAxisCannotShow(double floor)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PlotlyCharts.Loss([("train", [1.0, 0.5])], floor: floor));
        Assert.Equal("floor", error.ParamName);
        Assert.Contains("above 0 on a log axis", error.Message);
        if (floor == 0) Assert.Equal(2, Figure.Of(PlotlyCharts.Loss([("train", [1.0, 0.5])], log: false, floor: floor)).Traces.Length);
    }

    [Fact]
    public void SeriesVsPrediction_Mismatch_NamesTheShorterArgumentAndBothLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => PlotlyCharts.SeriesVsPrediction([0.0, 1, 2], [0.0, 1, 2], [0.0, 1]));
        Assert.Equal("prediction", error.ParamName);
        Assert.StartsWith("PlotlyCharts.SeriesVsPrediction: x and prediction must have the same length, but have 3 and 2 values", error.Message);
        var truth = Assert.Throws<ArgumentException>(() => PlotlyCharts.SeriesVsPrediction([0.0, 1, 2], [0.0, 1, 2, 3], [0.0, 1, 2]));
        Assert.Equal("truth", truth.ParamName);
    }

    [Fact]
    public void SeriesVsPrediction_InfiniteX()
    {
        var error = Assert.Throws<ArgumentException>(() => PlotlyCharts.SeriesVsPrediction([0.0, double.PositiveInfinity], [0.0, 1], [0.0, 1]));
        Assert.Equal("x", error.ParamName);
        Assert.Contains("x[1] is Infinity", error.Message);
    }

    [Fact]
    public void SeriesVsPrediction_NaNTruth_IsAGapNotAnError() =>
        Assert.Equal(2, Figure.Of(PlotlyCharts.SeriesVsPrediction([0.0, 1, 2], [0.0, double.NaN, 2], [0.0, 1, 2])).Traces.Length);

    [Fact]
    public void PhasePlane_XAndYOfDifferentLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => PlotlyCharts.PhasePlane([("rollout", [0.0, 1, 2], [1.0, 0])]));
        Assert.StartsWith("PlotlyCharts.PhasePlane: series \"rollout\" X and Y must have the same length, but have 3 and 2 values", error.Message);
    }

    [Fact]
    public void Heatmap_RaggedRows()
    {
        var error = Assert.Throws<ArgumentException>(() => PlotlyCharts.Heatmap([[1.0, 2, 3], [4.0, 5]]));
        Assert.Equal("rows", error.ParamName);
        Assert.StartsWith("PlotlyCharts.Heatmap: rows[1] has 2 values but rows[0] has 3", error.Message);
    }

    [Fact]
    public void Heatmap_LabelsThatDoNotMatchTheMatrix()
    {
        var columns = Assert.Throws<ArgumentException>(() => PlotlyCharts.Heatmap(new double[2, 3], columnLabels: ["a", "b"]));
        Assert.StartsWith("PlotlyCharts.Heatmap: columnLabels has 2 labels but the matrix has 3 columns", columns.Message);
        var rows = Assert.Throws<ArgumentException>(() => PlotlyCharts.Heatmap(new double[2, 3], rowLabels: ["r"]));
        Assert.StartsWith("PlotlyCharts.Heatmap: rowLabels has 1 label but the matrix has 2 rows", rows.Message);
    }

    [Fact]
    public void Heatmap_Empty()
    {
        var error = Assert.Throws<ArgumentException>(() => PlotlyCharts.Heatmap(new double[0, 3]));
        Assert.Equal("matrix", error.ParamName);
        Assert.StartsWith("PlotlyCharts.Heatmap: matrix has no values", error.Message);
    }

    [Fact]
    public void Heatmap_NaNCell_IsLeftBlankWithANote()
    {
        string svg = RnnLab.Plots.PlotlyFigureDisplay.ToSvg(Figure.Of(PlotlyCharts.Heatmap([[0.5, double.NaN]])).Json);
        Assert.Contains("1 NaN/infinite cell left blank", svg);
    }
}
