namespace RnnLab.Plots.Svg;

/// <summary>
/// plotly.js's autorange: every trace offers its lowest and highest value with a padding in pixels
/// (markers' radius; 5% of the axis length for "padded" data such as a scatter's y values); the
/// range is the smallest that shows every value with its padding. One value gives value ± 1.
/// </summary>
internal sealed class AutoRange
{
    /// <summary>One candidate end: a value in scale units and the pixels it wants beyond it.</summary>
    private readonly record struct Extreme(double Value, double Pad);

    private readonly List<Extreme> _lows = [];
    private readonly List<Extreme> _highs = [];

    public bool IsEmpty => _lows.Count == 0;

    /// <summary>
    /// Adds a trace's extent: <paramref name="padPixels"/> beyond both ends, plus 5% of the axis when
    /// <paramref name="padded"/>; with <paramref name="toZero"/> (bars) zero is included, tight.
    /// </summary>
    public void Add(double low, double high, double padPixels, bool padded, bool toZero, double axisLength)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high)) return;
        double pad = padPixels + (padded ? 0.05 * axisLength : 0);
        if (toZero)
        {
            // The end at zero is tight; a bar reaching below zero pads its negative end instead.
            AddLow(low >= 0 ? new Extreme(0, 0) : new Extreme(low, pad));
            AddHigh(high <= 0 ? new Extreme(0, 0) : new Extreme(high, pad));
            return;
        }
        AddLow(new Extreme(low, pad));
        AddHigh(new Extreme(high, pad));
    }

    /// <summary>The range for an axis of <paramref name="axisLength"/> pixels; null when nothing was added.</summary>
    public (double Low, double High)? Compute(double axisLength)
    {
        if (IsEmpty) return null;
        double lowest = _lows.Min(e => e.Value), highest = _highs.Max(e => e.Value);
        if (lowest == highest) return (lowest - 1, highest + 1);
        // Don't let padding squeeze the data below a tenth of the axis.
        double minSpan = axisLength / 10, best = 0;
        Extreme bestLow = _lows[0], bestHigh = _highs[0];
        foreach (var low in _lows)
            foreach (var high in _highs)
            {
                double dv = high.Value - low.Value;
                if (dv <= 0) continue;
                double dp = axisLength - low.Pad - high.Pad;
                if (dp > minSpan && dv / dp > best)
                    (bestLow, bestHigh, best) = (low, high, dv / dp);
                else if (dp <= minSpan && dv / axisLength > best)
                    (bestLow, bestHigh, best) = (low with { Pad = 0 }, high with { Pad = 0 }, dv / axisLength);
            }
        double perPixel = (bestHigh.Value - bestLow.Value) / (axisLength - bestLow.Pad - bestHigh.Pad);
        return (bestLow.Value - perPixel * bestLow.Pad, bestHigh.Value + perPixel * bestHigh.Pad);
    }

    // Keep only candidates no other candidate beats (lower or equal value with at least as much padding).
    private void AddLow(Extreme e)
    {
        if (_lows.Any(o => o.Value <= e.Value && o.Pad >= e.Pad)) return;
        _lows.RemoveAll(o => o.Value >= e.Value && o.Pad <= e.Pad);
        _lows.Add(e);
    }

    private void AddHigh(Extreme e)
    {
        if (_highs.Any(o => o.Value >= e.Value && o.Pad >= e.Pad)) return;
        _highs.RemoveAll(o => o.Value <= e.Value && o.Pad <= e.Pad);
        _highs.Add(e);
    }
}
