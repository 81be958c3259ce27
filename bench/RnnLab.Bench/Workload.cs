using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RnnLab.Bench;

/// <summary>One timed operation. <paramref name="Flops"/> is the work of one run (0 when not meaningful).</summary>
public sealed record Workload(string Group, string Name, double Flops, Action Run)
{
    /// <summary>
    /// Best time per run over 20 batches, each long enough (>= 25 ms) to swamp timer noise, after a
    /// warm-up that lets the JIT reach its optimised tier. The minimum, not the mean: on a shared
    /// machine other processes only ever add time. bench/torch_bench.py times the same way.
    /// </summary>
    public double SecondsPerRun(BenchClock clock)
    {
        double start = clock.Now();
        int warm = 0;
        while (clock.Now() - start < 0.3 || warm < 3) { Run(); warm++; }
        double perRun = (clock.Now() - start) / warm;
        int batch = Math.Max(1, (int)(0.025 / perRun));
        double best = double.MaxValue;
        for (int b = 0; b < 20; b++)
        {
            double t0 = clock.Now();
            for (int i = 0; i < batch; i++) Run();
            best = Math.Min(best, (clock.Now() - t0) / batch);
        }
        return best;
    }
}

/// <summary>
/// Wall time, or this thread's CPU time (Linux CLOCK_THREAD_CPUTIME_ID, like Python's
/// time.thread_time()). Single-threaded runs use CPU time: on a machine shared with other jobs it
/// counts only our own work, so ours/PyTorch stays meaningful when the wall clock is not.
/// </summary>
public sealed class BenchClock
{
    private const int ClockThreadCpuTime = 3;
    private readonly Stopwatch _wall = Stopwatch.StartNew();

    private BenchClock(string name) => Name = name;

    /// <summary>"thread-cpu" or "wall".</summary>
    public string Name { get; }

    public static BenchClock Create(bool singleThreaded) =>
        singleThreaded && OperatingSystem.IsLinux() ? new BenchClock("thread-cpu") : new BenchClock("wall");

    public double Now()
    {
        if (Name == "wall") return _wall.Elapsed.TotalSeconds;
        ClockGetTime(ClockThreadCpuTime, out TimeSpec t);
        return t.Seconds + t.Nanoseconds * 1e-9;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}

/// <summary>A set of workloads. Implementations are found by reflection, so a new group is one new file.</summary>
public interface IWorkloadGroup
{
    /// <summary>The group's name on the command line, e.g. "matmul".</summary>
    string Name { get; }

    /// <summary>The workloads, built fresh (inputs allocated once per workload, outside the timed part).</summary>
    IEnumerable<Workload> Create();
}
