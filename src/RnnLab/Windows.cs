using RnnLab.Torch;

namespace RnnLab;

/// <summary>Sliding windows over a series: the (input, next value) pairs every sequence lesson starts from.</summary>
public static class Windows
{
    /// <summary>
    /// All windows of <paramref name="length"/> consecutive items and the item that follows each.
    /// </summary>
    /// <exception cref="ArgumentException">When the series is shorter than length + 1.</exception>
    public static IReadOnlyList<(T[] Input, T Next)> Of<T>(IReadOnlyList<T> series, int length)
    {
        RequireLongEnough(series.Count, length, nameof(series));
        var windows = new List<(T[], T)>(series.Count - length);
        for (int start = 0; start + length < series.Count; start++)
        {
            var input = new T[length];
            for (int i = 0; i < length; i++) input[i] = series[start + i];
            windows.Add((input, series[start + length]));
        }
        return windows;
    }

    /// <summary>
    /// The same windows over a (time, features) tensor, stacked batch-first: inputs
    /// (windows, length, features) and the next points as targets (windows, features).
    /// </summary>
    public static (torch.Tensor Inputs, torch.Tensor Targets) Stack(torch.Tensor series, int length)
    {
        if (series.dim() != 2)
            throw new ArgumentException($"series must be (time, features) but has shape {TensorValues.ShapeText(series.shape)}", nameof(series));
        int count = (int)series.shape[0];
        RequireLongEnough(count, length, nameof(series));
        var inputs = Enumerable.Range(0, count - length).Select(start => series.narrow(0, start, length));
        return (torch.stack(inputs, dim: 0), series.narrow(0, length, count - length).clone());
    }

    private static void RequireLongEnough(int count, int length, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        if (count < length + 1)
            throw new ArgumentException(
                $"a series of {count} items has no window of {length} followed by a next item (needs at least {length + 1})", name);
    }
}
