using System.Globalization;
using GenericChart = Plotly.NET.GenericChart;

namespace RnnLab.Charting;

/// <summary>
/// A loss chart that redraws in place while a training cell runs, as d2l's Animator does:
/// <code>
/// var live = new LiveLossChart("train", "validation");
/// for (int step = 1; step &lt;= steps; step++) live.Add(step, TrainStep(), step % 10 == 0 ? Validate() : null);
/// live.Finish();
/// </code>
/// Inside the kernel every frame replaces the previous one (one display id, through the
/// "RnnLab.Display" slot, <see cref="LiveDisplay"/>), so the saved notebook holds only the final
/// frame. Redraws are throttled (<see cref="RedrawThrottle"/>): between frames drawing costs at
/// most about 5 % of the time, and <see cref="Finish"/> always draws the final frame. Outside a kernel
/// nothing is drawn; <see cref="Finish"/> returns the final chart to show.
/// </summary>
public sealed class LiveLossChart
{
    private static int _count;

    private readonly string[] _names;
    private readonly List<double>[] _steps;
    private readonly List<double>[] _losses;
    private readonly Action<object, string, bool>? _display;
    private readonly RedrawThrottle _throttle;
    private ChartFrame? _shown;
    private bool _changed;
    private bool _finished;

    /// <summary>A live chart with one line per name, in this order (their colours follow it).</summary>
    public LiveLossChart(params string[] names) : this(TimeProvider.System, names)
    {
    }

    /// <summary>With the clock the throttle reads (tests pass a fake one).</summary>
    internal LiveLossChart(TimeProvider time, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Length == 0) throw new ArgumentException("LiveLossChart: give at least one series name, e.g. new LiveLossChart(\"train\")", nameof(names));
        int unnamed = Array.IndexOf(names, null);
        if (unnamed >= 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"LiveLossChart: names[{unnamed}] is null"), nameof(names));
        _names = [.. names];
        _steps = [.. names.Select(_ => new List<double>())];
        _losses = [.. names.Select(_ => new List<double>())];
        _display = LiveDisplay.Callback;
        _throttle = new RedrawThrottle(time);
        DisplayId = string.Create(CultureInfo.InvariantCulture, $"rnnlab-live-loss-{Interlocked.Increment(ref _count)}");
    }

    /// <summary>The chart's title.</summary>
    public string Title { get; init; } = "Training loss";

    /// <summary>What a step counts (the x axis' title).</summary>
    public string XTitle { get; init; } = "step";

    /// <summary>A log y axis (the default) or a linear one.</summary>
    public bool Log { get; init; } = true;

    /// <summary>An optional horizontal reference line, e.g. the best reachable loss.</summary>
    public double? Floor { get; init; }

    /// <summary>The reference line's legend name.</summary>
    public string FloorName { get; init; } = "floor";

    /// <summary>The display id every frame of this chart uses (unique in the process).</summary>
    public string DisplayId { get; }

    /// <summary>True inside a kernel, where frames are drawn while training runs.</summary>
    public bool IsLive => _display is not null;

    /// <summary>How many frames have been drawn so far.</summary>
    public int Redraws { get; private set; }

    /// <summary>
    /// Records the losses at <paramref name="step"/>, one per series in the constructor's order;
    /// null (or fewer values) for a series not measured at this step. NaN is kept: a diverging run
    /// shows as a gap, with a note under the static picture. Redraws when the throttle allows.
    /// </summary>
    public void Add(double step, params double?[] losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        if (_finished) throw new InvalidOperationException("LiveLossChart: Add after Finish; start a new LiveLossChart for another run");
        if (!double.IsFinite(step)) throw new ArgumentOutOfRangeException(nameof(step), step, "LiveLossChart.Add: the step must be a finite number");
        PlotlyCharts.CheckFloor(Floor, Log, "LiveLossChart");   // now, not at Finish after a long run
        if (losses.Length > _names.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"LiveLossChart.Add: {losses.Length} losses for {_names.Length} series ({string.Join(", ", _names)})"), nameof(losses));
        for (int i = 0; i < losses.Length; i++)
        {
            if (losses[i] is not { } loss) continue;
            _steps[i].Add(step);
            _losses[i].Add(loss);
            _changed = true;
        }
        if (_display is not null && _changed && _throttle.Due) Draw();
    }

    /// <summary>
    /// Ends the run: inside a kernel draws the final frame unless it is already on screen, and
    /// returns the final chart either way. Inside a kernel end the cell with <c>live.Finish();</c>
    /// (a statement): as the cell's value the chart would show a second time.
    /// </summary>
    public GenericChart Finish()
    {
        if (_losses.All(l => l.Count == 0)) throw new InvalidOperationException("LiveLossChart: Finish before any loss was added");
        _finished = true;
        if (_display is null) return Build();
        if (_changed) Draw();
        return _shown!.Chart;
    }

    private void Draw() => _throttle.Draw(() =>
    {
        var frame = new ChartFrame(Build());
        _display!(frame, DisplayId, _shown is not null);
        _shown = frame;
        _changed = false;
        Redraws++;
    });

    /// <summary>The chart of every series with at least one point (a validation line appears once measured).</summary>
    private GenericChart Build() =>
        PlotlyCharts.Loss(
            _names.Select((name, i) => (name, _steps[i].ToArray(), _losses[i].ToArray())).Where(s => s.Item2.Length > 0),
            Log, Floor, FloorName, Title, XTitle);
}
