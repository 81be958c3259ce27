using System.Diagnostics;
using System.Globalization;
using RnnLab.Plots;

namespace RnnLab.Bench;

/// <summary>
/// plots_bench: renders a 10,000-point line chart to SVG (and the full display bundle) and prints
/// the median and best time. Goal from issue 7: at most 50 ms per render.
/// </summary>
public static class PlotsBenchmarks
{
    private const int Points = 10_000;
    private const int Warmup = 5;
    private const int Runs = 40;

    public static void Run()
    {
        // A noisy decaying curve: the shape of a training loss logged every step.
        var random = new Random(7);
        var x = new double[Points];
        var y = new double[Points];
        for (int i = 0; i < Points; i++)
        {
            x[i] = i;
            y[i] = 2 * Math.Exp(-i / 2500.0) + 0.1 * random.NextDouble();
        }
        var line = Chart.Line(x, y, Name: "loss").WithTitle("10,000-point loss").WithXAxisStyle("step").WithYAxisStyle("loss");
        // Worst cases: every point drawn. Markers cannot be thinned; a phase plot's x goes back and forth.
        var markers = Chart.Line(x, y, ShowMarkers: true);
        var phase = Chart.Line(x.Select(i => Math.Sin(i / 50.0)), x.Select(i => Math.Cos(i / 37.0)));

        // What a notebook user waits for on the first chart of a session: includes JIT compilation.
        long coldStart = Stopwatch.GetTimestamp();
        int coldSize = line.ToMimeBundle().Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plots_bench: {Points:N0} points, first display bundle in this process (cold, JIT included): {Stopwatch.GetElapsedTime(coldStart).TotalMilliseconds:F1} ms ({coldSize} MIME types)"));
        Report("line -> SVG", () => line.ToSvg().Length);
        Report("line -> display bundle", () => line.ToMimeBundle().Values.Sum(v => v.Length));
        Report("line+markers -> SVG", () => markers.ToSvg().Length);
        Report("phase-plot line (no decimation) -> SVG", () => phase.ToSvg().Length);
    }

    private static void Report(string what, Func<int> render)
    {
        var (median, best, size) = Measure(render);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plots_bench: {Points:N0} points, {what}: median {median:F2} ms, best {best:F2} ms, {size / 1024.0:F0} KB (goal <= 50 ms)"));
    }

    private static (double MedianMs, double BestMs, int Size) Measure(Func<int> render)
    {
        int size = 0;
        for (int i = 0; i < Warmup; i++) size = render();
        var times = new double[Runs];
        for (int i = 0; i < Runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            size = render();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[Runs / 2], times[0], size);
    }
}
