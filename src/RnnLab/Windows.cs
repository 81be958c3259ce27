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
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        if (series.Count < length + 1)
            throw new ArgumentException(
                $"a series of {series.Count} items has no window of {length} followed by a next item (needs at least {length + 1})",
                nameof(series));
        var windows = new List<(T[], T)>(series.Count - length);
        for (int start = 0; start + length < series.Count; start++)
        {
            var input = new T[length];
            for (int i = 0; i < length; i++) input[i] = series[start + i];
            windows.Add((input, series[start + length]));
        }
        return windows;
    }
}
