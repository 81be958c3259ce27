using System.Diagnostics;

namespace RnnLab.Bench;

/// <summary>One timed operation. <paramref name="Flops"/> is the work of one run (0 when not meaningful).</summary>
public sealed record Workload(string Group, string Name, double Flops, Action Run)
{
    /// <summary>
    /// Best time per run over 5 batches, each batch long enough (>= 0.1 s) to swamp timer noise,
    /// after a warm-up that lets the JIT reach its optimised tier. bench/torch_bench.py times the same way.
    /// </summary>
    public double SecondsPerRun()
    {
        var watch = Stopwatch.StartNew();
        int warm = 0;
        while (watch.Elapsed.TotalSeconds < 0.3 || warm < 3) { Run(); warm++; }
        double perRun = watch.Elapsed.TotalSeconds / warm;
        int batch = Math.Max(1, (int)(0.1 / perRun));
        double best = double.MaxValue;
        for (int b = 0; b < 5; b++)
        {
            watch.Restart();
            for (int i = 0; i < batch; i++) Run();
            best = Math.Min(best, watch.Elapsed.TotalSeconds / batch);
        }
        return best;
    }
}

/// <summary>A set of workloads. Implementations are found by reflection, so a new group is one new file.</summary>
public interface IWorkloadGroup
{
    /// <summary>The group's name on the command line, e.g. "matmul".</summary>
    string Name { get; }

    /// <summary>The workloads, built fresh (inputs allocated once per workload, outside the timed part).</summary>
    IEnumerable<Workload> Create();
}
