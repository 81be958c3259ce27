using static TorchSharp.torch;

namespace RnnLab;

/// <summary>
/// The assertions of a notebook's check cells. Each prints one "✓ claim" line when it holds, so
/// the saved notebook shows what was verified, and throws CheckFailed, naming the claim and the
/// numbers, when it does not, so a regression run fails on the first broken teaching fact.
/// </summary>
public static class Check
{
    /// <summary>A claim that did not hold.</summary>
    public sealed class CheckFailed(string message) : Exception(message);

    /// <summary>Where the ✓ lines go: the current Console.Out (the kernel redirects it per cell) unless a test sets one.</summary>
    public static TextWriter? Output { get; set; }

    private static void Pass(string claim) => (Output ?? Console.Out).WriteLine($"✓ {claim}");

    /// <summary>Holds when <paramref name="condition"/> is true.</summary>
    public static void That(bool condition, string claim, string? detail = null)
    {
        if (!condition) throw new CheckFailed($"✗ {claim}" + (detail is null ? "" : $" ({detail})"));
        Pass(claim);
    }

    /// <summary>Holds when |actual - expected| &lt;= tolerance.</summary>
    public static void Near(double actual, double expected, double tolerance, string claim) =>
        That(Math.Abs(actual - expected) <= tolerance, claim,
            $"got {Numbers.Format(actual)}, expected {Numbers.Format(expected)} ± {Numbers.Format(tolerance)}");

    /// <summary>Holds when low &lt;= actual &lt;= high.</summary>
    public static void Between(double actual, double low, double high, string claim) =>
        That(actual >= low && actual <= high, claim, $"got {Numbers.Format(actual)}, expected between {Numbers.Format(low)} and {Numbers.Format(high)}");

    /// <summary>Holds when the two values are equal.</summary>
    public static void Equal<T>(T expected, T actual, string claim) =>
        That(EqualityComparer<T>.Default.Equals(expected, actual), claim, $"expected {expected}, got {actual}");

    /// <summary>Holds when two tensors have the same shape and exactly the same elements (torch.equal).</summary>
    /// <exception cref="ArgumentException">The tensors have different dtypes or devices: not a claim about values.</exception>
    public static void Same(Tensor actual, Tensor expected, string claim)
    {
        TensorArguments.Comparable(actual, nameof(actual), expected, nameof(expected), "Check.Same");
        That(Identical(actual, expected), claim, Difference(actual, expected));
    }

    /// <summary>Holds when two tensors differ somewhere (same shape, some element differs, or other shapes).</summary>
    /// <exception cref="ArgumentException">The tensors have different dtypes or devices: not a claim about values.</exception>
    public static void NotSame(Tensor actual, Tensor expected, string claim)
    {
        TensorArguments.Comparable(actual, nameof(actual), expected, nameof(expected), "Check.NotSame");
        That(!Identical(actual, expected), claim, "they are identical");
    }

    /// <summary>Holds when a shape is exactly the one given.</summary>
    public static void Shape(Tensor tensor, long[] expected, string name)
    {
        TensorArguments.NotNull(tensor, "Check.Shape", nameof(tensor));
        That(tensor.shape.SequenceEqual(expected), $"{name} has shape {Shapes.Text(expected)}", $"got {Shapes.Text(tensor.shape)}");
    }

    // Tensor.Equals is PyTorch's torch.equal (a bool); Tensor.equal would be the element-wise eq.
    private static bool Identical(Tensor actual, Tensor expected) =>
        actual.shape.SequenceEqual(expected.shape) && actual.Equals(expected);

    private static string Difference(Tensor actual, Tensor expected) =>
        !actual.shape.SequenceEqual(expected.shape)
            ? $"shapes {Shapes.Text(actual.shape)} and {Shapes.Text(expected.shape)}"
            : $"max |diff| {Numbers.Format(new Comparison().Add("", actual, expected).Rows[0].MaxAbsDiff)}";
}
