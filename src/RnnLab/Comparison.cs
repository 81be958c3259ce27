using static TorchSharp.torch;

namespace RnnLab;

/// <summary>
/// "Are these tensors the same?" answered as a table: for each pair, the shapes, the largest
/// absolute difference and whether every element is within atol + rtol * |expected| (PyTorch's
/// allclose rule). Build it with Add, show it, then Assert it in a check cell.
/// </summary>
public sealed class Comparison
{
    private readonly List<Row> _rows = [];

    /// <summary>One compared pair.</summary>
    public sealed record Row(string Name, long[] ActualShape, long[] ExpectedShape, double MaxAbsExpected, double MaxAbsDiff, bool Close);

    /// <summary>A comparison with PyTorch's allclose tolerances (defaults: atol 1e-6, rtol 0).</summary>
    public Comparison(double atol = 1e-6, double rtol = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(atol);
        ArgumentOutOfRangeException.ThrowIfNegative(rtol);
        Atol = atol;
        Rtol = rtol;
    }

    /// <summary>Absolute tolerance.</summary>
    public double Atol { get; }

    /// <summary>Relative tolerance (times |expected|).</summary>
    public double Rtol { get; }

    /// <summary>Every pair compared so far.</summary>
    public IReadOnlyList<Row> Rows => _rows;

    /// <summary>True when every pair has the same shape and is close.</summary>
    public bool AllClose => _rows.All(r => r.Close);

    /// <summary>
    /// Compares <paramref name="actual"/> with <paramref name="expected"/> element by element. Other
    /// shapes are a row of the table ("SHAPES DIFFER"), not an error: finding them is the point.
    /// </summary>
    /// <exception cref="ArgumentException">Other dtypes or devices, which torch.allclose refuses too.</exception>
    public Comparison Add(string name, Tensor actual, Tensor expected)
    {
        ArgumentNullException.ThrowIfNull(name);
        TensorArguments.Comparable(actual, nameof(actual), expected, nameof(expected), $"Comparison.Add(\"{name}\")");
        long[] actualShape = actual.shape, expectedShape = expected.shape;
        if (!actualShape.SequenceEqual(expectedShape))
        {
            _rows.Add(new Row(name, actualShape, expectedShape, double.NaN, double.NaN, false));
            return this;
        }
        double[] a = TensorValues.Flat(actual), e = TensorValues.Flat(expected);
        double max = 0;
        bool close = true;
        for (int i = 0; i < a.Length; i++)
        {
            double diff = Math.Abs(a[i] - e[i]);
            if (double.IsNaN(diff)) { max = double.NaN; close = false; continue; }
            if (diff > max) max = diff;   // once NaN, max stays NaN: comparisons with NaN are false
            if (diff > Atol + Rtol * Math.Abs(e[i])) close = false;
        }
        _rows.Add(new Row(name, actualShape, expectedShape, e.Length == 0 ? 0 : e.Max(Math.Abs), max, close));
        return this;
    }

    /// <summary>One row per pair: name, shape, the scale of the expected values, max |diff|, verdict.</summary>
    public Table ToTable() => new(
        ["compared", "shape", "max |expected|", "max |diff|", "verdict"],
        _rows.Select(r => (IReadOnlyList<object?>)[
            r.Name,
            r.ActualShape.SequenceEqual(r.ExpectedShape)
                ? TensorValues.ShapeText(r.ActualShape)
                : $"{TensorValues.ShapeText(r.ActualShape)} vs {TensorValues.ShapeText(r.ExpectedShape)}",
            r.MaxAbsExpected,
            r.MaxAbsDiff,
            r.Close ? "close" : r.ActualShape.SequenceEqual(r.ExpectedShape) ? "DIFFERENT" : "SHAPES DIFFER"]),
        $"allclose(atol={Numbers.Format(Atol)}, rtol={Numbers.Format(Rtol)})");

    /// <summary>Throws, showing the table, unless every pair is close: the body of a check cell.</summary>
    public void Assert()
    {
        if (_rows.Count == 0) throw new InvalidOperationException("nothing was compared");
        if (!AllClose) throw new InvalidOperationException("tensors differ:\n" + ToTable());
    }

    /// <summary>Shown in a notebook as its table.</summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle() => ToTable().ToMimeBundle();

    /// <summary>The table as text.</summary>
    public override string ToString() => ToTable().ToString();
}
