namespace RnnLab.Bench;

/// <summary>Benchmarks land with the engine; see bench/README.md.</summary>
public static class Program
{
    public static int Main()
    {
        Console.WriteLine("No benchmarks are registered yet.");
        return 0;
    }
}
