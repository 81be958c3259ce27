namespace RnnLab.Plots.Svg;

/// <summary>Linear ticks on "nice" steps: 1, 2 or 5 times a power of ten.</summary>
internal static class NiceTicks
{
    /// <summary>The smallest nice step giving at most about <paramref name="maxCount"/> intervals over <paramref name="span"/>.</summary>
    public static double Step(double span, int maxCount)
    {
        double raw = span / Math.Max(1, maxCount);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double normalized = raw / magnitude;
        double nice = normalized <= 1 + 1e-9 ? 1 : normalized <= 2 + 1e-9 ? 2 : normalized <= 5 + 1e-9 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>Tick values inside [min, max] on a nice step; each is k·step rounded, so no 0.30000000000000004.</summary>
    public static double[] Values(double min, double max, int maxCount, out double step)
    {
        step = Step(max - min, maxCount);
        int decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10(step)), 0, 15);
        long first = (long)Math.Ceiling(min / step - 1e-9);
        long last = (long)Math.Floor(max / step + 1e-9);
        var values = new double[Math.Max(0, last - first + 1)];
        for (long k = first; k <= last; k++)
        {
            double value = Math.Round(k * step, decimals);
            values[k - first] = value == 0 ? 0 : value; // no "-0"
        }
        return values;
    }

    /// <summary>Ticks with labels for a linear axis over [min, max].</summary>
    public static TickSet Linear(double min, double max, int maxCount)
    {
        double[] values = Values(min, max, maxCount, out double step);
        return new TickSet(values, Array.ConvertAll(values, v => TickLabel.Linear(v, step)), []);
    }
}
