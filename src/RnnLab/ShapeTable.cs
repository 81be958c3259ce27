using static TorchSharp.torch;

namespace RnnLab;

/// <summary>
/// The shapes of an nn.RNN's input, h0, output and h_n for every combination of batch_first,
/// num_layers (1, 2) and bidirectional, each measured by running a real nn.RNN rather than
/// derived from a formula, so the table cannot disagree with the library.
/// </summary>
public static class ShapeTable
{
    /// <summary>One configuration and the shapes it produced.</summary>
    public sealed record Row(bool BatchFirst, long NumLayers, bool Bidirectional, long[] Input, long[] H0, long[] Output, long[] HN);

    /// <summary>Runs the 8 configurations on zeros of the given sizes and returns their shapes.</summary>
    public static IReadOnlyList<Row> Measure(long inputSize, long hiddenSize, long sequenceLength, long batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var rows = new List<Row>();
        foreach (bool batchFirst in new[] { false, true })
            foreach (long layers in new long[] { 1, 2 })
                foreach (bool bidirectional in new[] { false, true })
                {
                    using var scope = NewDisposeScope();      // the zeros and outputs of this configuration
                    using var rnn = nn.RNN(inputSize, hiddenSize, layers, batchFirst: batchFirst, bidirectional: bidirectional);
                    var input = batchFirst ? zeros(batchSize, sequenceLength, inputSize) : zeros(sequenceLength, batchSize, inputSize);
                    // h0 is passed explicitly so the table shows a shape the RNN accepted, not one we assumed.
                    var h0 = zeros((bidirectional ? 2 : 1) * layers, batchSize, hiddenSize);
                    var (output, hN) = rnn.call(input, h0);
                    rows.Add(new Row(batchFirst, layers, bidirectional, input.shape, h0.shape, output.shape, hN.shape));
                }
        return rows;
    }

    /// <summary>The measured shapes as a display table.</summary>
    public static Table For(long inputSize, long hiddenSize, long sequenceLength, long batchSize) => new(
        ["batch_first", "num_layers", "bidirectional", "input", "h0", "output", "h_n"],
        Measure(inputSize, hiddenSize, sequenceLength, batchSize).Select(r => (IReadOnlyList<object?>)[
            r.BatchFirst ? "True" : "False", r.NumLayers, r.Bidirectional ? "True" : "False",
            Shapes.Text(r.Input), Shapes.Text(r.H0), Shapes.Text(r.Output), Shapes.Text(r.HN)]),
        $"nn.RNN({inputSize}, {hiddenSize}, num_layers, batch_first, bidirectional) on {batchSize} sequences of {sequenceLength} steps");
}
