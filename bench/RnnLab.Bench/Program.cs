using System.Globalization;
using System.Reflection;
using System.Text.Json;
using RnnLab.Torch.Kernels;

namespace RnnLab.Bench;

/// <summary>
/// Runs benchmark groups and prints one JSON object per workload:
/// {"group", "name", "seconds", "gflops", "clock"}. Usage: RnnLab.Bench [group ...] [--threads N] [--list].
/// Single-threaded by default, to compare with PyTorch at torch.set_num_threads(1).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var groups = Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => typeof(IWorkloadGroup).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IWorkloadGroup)Activator.CreateInstance(t)!)
            .OrderBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
        int threads = 1;
        var wanted = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--threads" && i + 1 < args.Length) threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--list")
            {
                foreach (var g in groups) Console.WriteLine(g.Name);
                return 0;
            }
            else wanted.Add(args[i]);
        }
        string[] unknown = wanted.Where(w => w != "all" && groups.All(g => g.Name != w)).ToArray();
        if (unknown.Length > 0)
        {
            Console.Error.WriteLine($"unknown group(s): {string.Join(", ", unknown)}; known: {string.Join(", ", groups.Select(g => g.Name))}");
            return 2;
        }
        Gemm.MaxDegreeOfParallelism = threads;
        BenchClock clock = BenchClock.Create(threads == 1);
        foreach (var group in groups.Where(g => wanted.Count == 0 || wanted.Contains("all") || wanted.Contains(g.Name)))
            foreach (Workload w in group.Create())
            {
                double seconds = w.SecondsPerRun(clock);
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    group = w.Group,
                    name = w.Name,
                    seconds,
                    gflops = w.Flops > 0 ? w.Flops / seconds / 1e9 : 0,
                    clock = clock.Name,
                }));
            }
        return 0;
    }
}
