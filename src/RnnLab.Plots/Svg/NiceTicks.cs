namespace RnnLab.Plots.Svg;

/// <summary>
/// Linear ticks the way plotly.js picks them: about <c>nt</c> intervals over the range, rounded up
/// to 2, 5 or 10 times a power of ten, from tick0 = 0.
/// </summary>
internal static class NiceTicks
{
    /// <summary>
    /// plotly.js's target tick count when nticks is unset: one per 80 px along x, per 40 px along y,
    /// clamped to 4..9, plus one.
    /// </summary>
    public static double TargetCount(double pixels, bool horizontal) =>
        Math.Clamp(pixels / (horizontal ? 80 : 40), 4, 9) + 1;

    /// <summary>The step for <paramref name="span"/> over <paramref name="count"/> intervals: the rough step rounded up to 2, 5 or 10 × 10^k.</summary>
    public static double Step(double span, double count)
    {
        double rough = Math.Abs(span) / Math.Max(1, count);
        if (!(rough > 0) || !double.IsFinite(rough)) return 1;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double ratio = rough / magnitude;
        return (ratio <= 2 ? 2 : ratio <= 5 ? 5 : 10) * magnitude;
    }

    /// <summary>Multiples of <paramref name="step"/> (from <paramref name="start"/>) inside [low, high], rounded so no 0.30000000000000004.</summary>
    public static double[] Values(double low, double high, double step, double start = 0)
    {
        if (!(step > 0) || !double.IsFinite(low) || !double.IsFinite(high) || (high - low) / step > 1000) return [];
        int decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10(step)), 0, 15);
        long first = (long)Math.Ceiling((low - start) / step - 1e-9);
        long last = (long)Math.Floor((high - start) / step + 1e-9);
        var values = new double[Math.Max(0, last - first + 1)];
        for (long k = first; k <= last; k++)
        {
            double value = Math.Round(start + k * step, decimals);
            values[k - first] = value == 0 ? 0 : value; // no "-0"
        }
        return values;
    }

    /// <summary>Ticks with labels over [low, high] aiming at <paramref name="count"/> intervals.</summary>
    public static TickSet Linear(double low, double high, double count)
    {
        double step = Step(high - low, count);
        double[] values = Values(low, high, step);
        int exponent = TickLabel.Exponent(low, high);
        return new TickSet(values, Array.ConvertAll(values, v => TickLabel.Linear(v, step, exponent)));
    }
}
