namespace RnnLab.Plots.Svg;

/// <summary>
/// Thins a long line without changing its picture: per pixel column it keeps the first, lowest,
/// highest and last point (M4 decimation), so every vertical extent and every column-to-column
/// connection is drawn exactly as with all points. Only for x that never decreases.
/// </summary>
internal static class LineDecimator
{
    /// <summary>Indices (ascending) of the points to keep from <c>[start, end)</c>; null when x decreases somewhere.</summary>
    public static List<int>? Keep(double[] px, double[] py, int start, int end)
    {
        for (int i = start + 1; i < end; i++)
            if (px[i] < px[i - 1]) return null;

        var kept = new List<int>();
        int i0 = start;
        while (i0 < end)
        {
            double column = Math.Floor(px[i0]);
            int first = i0, last = i0, low = i0, high = i0;
            int i = i0 + 1;
            for (; i < end && Math.Floor(px[i]) == column; i++)
            {
                last = i;
                if (py[i] < py[low]) low = i;
                if (py[i] > py[high]) high = i;
            }
            AddInOrder(kept, first, low, high, last);
            i0 = i;
        }
        return kept;
    }

    private static void AddInOrder(List<int> kept, int first, int low, int high, int last)
    {
        kept.Add(first);
        int a = Math.Min(low, high), b = Math.Max(low, high);
        if (a != first) kept.Add(a);
        if (b != a && b != first) kept.Add(b);
        if (last != b && last != a && last != first) kept.Add(last);
    }
}
