namespace RnnLab.Charting;

/// <summary>
/// When a live chart may redraw: the first time at once, then only after a pause of at least
/// <see cref="CostFactor"/> times what the last redraw cost (and never more often than
/// <see cref="MinimumGap"/>). Drawing then takes at most 1 / (1 + CostFactor) ≈ 5 % of the
/// time, however slow the chart gets as points pile up and however fast the training steps are.
/// The first redraw is followed by the minimum gap only: it pays for JIT compilation and
/// Plotly.NET's first serialization (seconds on a busy machine), which the next ones do not.
/// </summary>
internal sealed class RedrawThrottle(TimeProvider time)
{
    /// <summary>Pause after a redraw, in multiples of that redraw's cost.</summary>
    public const int CostFactor = 20;

    /// <summary>The shortest pause: a frontend receiving more than a few frames a second only flickers.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(250);

    private long _notBefore;
    private bool _drawn;

    /// <summary>The time the last redraw took.</summary>
    public TimeSpan LastCost { get; private set; }

    /// <summary>True when a redraw now keeps to the budget.</summary>
    public bool Due => !_drawn || time.GetTimestamp() >= _notBefore;

    /// <summary>Runs <paramref name="draw"/>, measuring it to set the next pause.</summary>
    public void Draw(Action draw)
    {
        long start = time.GetTimestamp();
        draw();
        long end = time.GetTimestamp();
        LastCost = time.GetElapsedTime(start, end);
        var pause = _drawn ? TimeSpan.FromTicks(Math.Max(LastCost.Ticks * CostFactor, MinimumGap.Ticks)) : MinimumGap;
        _notBefore = end + (long)(pause.TotalSeconds * time.TimestampFrequency);
        _drawn = true;
    }
}
