namespace RnnLab.Plots.Svg;

/// <summary>
/// Ticks for a log axis whose range is in log10 units, by plotly.js's rule on the rough step
/// (decades per intended tick): above 0.7, every ⌈step⌉-th decade; within one decade, ordinary
/// values placed at their logarithms; otherwise each decade with its 2 and 5 ("D2"), or with
/// every digit 2..9 when the rough step is below 0.3 ("D1").
/// </summary>
internal static class LogTicks
{
    public static TickSet Create(double logLow, double logHigh, double count)
    {
        double span = logHigh - logLow;
        double rough = span / Math.Max(1, count);
        var positions = new List<double>();
        var labels = new List<TickLabel>();
        if (rough > 0.7)
        {
            int stride = (int)Math.Ceiling(rough - 1e-9);
            for (int d = (int)Math.Ceiling(logLow - 1e-9); d <= Math.Floor(logHigh + 1e-9); d++)
            {
                if (((d % stride) + stride) % stride != 0) continue;
                positions.Add(d);
                labels.Add(TickLabel.Log(1, d));
            }
            return new TickSet([.. positions], [.. labels]);
        }
        if (span < 1)
        {
            // Within a decade: linear values, 1.5 times as many as the log rule would place.
            double low = Math.Pow(10, logLow), high = Math.Pow(10, logHigh);
            double step = NiceTicks.Step(high - low, 1.5 * span / Math.Max(rough, 1e-12));
            double[] values = NiceTicks.Values(low, high, step);
            int exponent = TickLabel.Exponent(low, high);
            return new TickSet(Array.ConvertAll(values, Math.Log10), Array.ConvertAll(values, v => TickLabel.Linear(v, step, exponent)));
        }
        int[] digits = rough > 0.3 ? [1, 2, 5] : [1, 2, 3, 4, 5, 6, 7, 8, 9];
        for (int d = (int)Math.Floor(logLow) ; d <= Math.Ceiling(logHigh); d++)
            foreach (int m in digits)
            {
                double p = d + Math.Log10(m);
                if (p < logLow - 1e-9 || p > logHigh + 1e-9) continue;
                positions.Add(p);
                // Between decades plotly.js labels only the digit.
                labels.Add(m == 1 ? TickLabel.Log(1, d) : new TickLabel(m.ToString(System.Globalization.CultureInfo.InvariantCulture), Small: true));
            }
        return new TickSet([.. positions], [.. labels]);
    }
}
