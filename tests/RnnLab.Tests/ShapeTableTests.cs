namespace RnnLab.Tests;

public class ShapeTableTests
{
    [Fact]
    public void Measure_CoversEightConfigurationsWithPyTorchsShapes()
    {
        var rows = ShapeTable.Measure(inputSize: 10, hiddenSize: 20, sequenceLength: 5, batchSize: 3);
        Assert.Equal(8, rows.Count);
        // The article's example: time-first, 2 layers, one direction.
        var classic = rows.Single(r => !r.BatchFirst && r.NumLayers == 2 && !r.Bidirectional);
        Assert.Equal([5L, 3L, 20L], classic.Output);
        Assert.Equal([2L, 3L, 20L], classic.HN);
        // Bidirectional doubles output width and h_n rows; batch_first leaves h_n alone.
        var both = rows.Single(r => r.BatchFirst && r.NumLayers == 2 && r.Bidirectional);
        Assert.Equal([3L, 5L, 40L], both.Output);
        Assert.Equal([4L, 3L, 20L], both.HN);
        Assert.All(rows, r => Assert.Equal(r.H0, r.HN));
    }

    [Fact]
    public void For_ShowsShapesAsPythonTuples()
    {
        var table = ShapeTable.For(10, 20, 5, 3);
        Assert.Equal(["False", "1", "False", "(5, 3, 10)", "(1, 3, 20)", "(5, 3, 20)", "(1, 3, 20)"], table.Rows[0]);
    }
}
