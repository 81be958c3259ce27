namespace RnnLab.Plots.Svg;

/// <summary>
/// Ticks for a log axis whose range is given in log10 units: one per decade (every k-th when
/// crowded), 1-2-5 within a decade when the range is narrow, and faint minor ticks at 2..9.
/// </summary>
internal static class LogTicks
{
    public static TickSet Create(double logMin, double logMax, int maxCount, double pixelLength)
    {
        int firstDecade = (int)Math.Ceiling(logMin - 1e-9);
        int lastDecade = (int)Math.Floor(logMax + 1e-9);
        int decades = lastDecade - firstDecade + 1;
        var positions = new List<double>();
        var labels = new List<TickLabel>();
        var minor = new List<double>();

        if (decades >= 2)
        {
            int stride = Math.Max(1, (int)Math.Ceiling(decades / (double)Math.Max(1, maxCount)));
            for (int d = firstDecade; d <= lastDecade; d++)
            {
                if (((d % stride) + stride) % stride != 0) continue;
                positions.Add(d);
                labels.Add(TickLabel.Log(1, d));
            }
            double pixelsPerDecade = pixelLength / Math.Max(1e-9, logMax - logMin);
            if (stride == 1 && pixelsPerDecade >= 40)
                AddMinor(minor, logMin, logMax, firstDecade - 1, lastDecade);
            return new TickSet([.. positions], [.. labels], [.. minor]);
        }

        // Less than two decade ticks: 1, 2 and 5 times powers of ten.
        for (int d = firstDecade - 1; d <= lastDecade; d++)
            foreach (int m in (int[])[1, 2, 5])
            {
                double p = d + Math.Log10(m);
                if (p < logMin - 1e-9 || p > logMax + 1e-9) continue;
                positions.Add(p);
                labels.Add(TickLabel.Log(m, d));
            }
        if (positions.Count >= 3) return new TickSet([.. positions], [.. labels], []);

        // Under a factor of ~2.5: nice linear values, placed at their logarithms.
        double min = Math.Pow(10, logMin), max = Math.Pow(10, logMax);
        double[] values = NiceTicks.Values(min, max, Math.Max(2, maxCount), out double step);
        return new TickSet(
            Array.ConvertAll(values, Math.Log10),
            Array.ConvertAll(values, v => TickLabel.Linear(v, step)),
            []);
    }

    private static void AddMinor(List<double> minor, double logMin, double logMax, int fromDecade, int toDecade)
    {
        for (int d = fromDecade; d <= toDecade; d++)
            for (int m = 2; m <= 9; m++)
            {
                double p = d + Math.Log10(m);
                if (p > logMin && p < logMax) minor.Add(p);
            }
    }
}
