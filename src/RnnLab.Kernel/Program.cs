namespace RnnLab.Kernel;

/// <summary>The one executable: `run` executes notebooks; the kernel commands follow.</summary>
public static class Program
{
    /// <summary>Entry point; returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine("usage: RnnLab.Kernel run <notebook.ipynb|folder>...");
            return args.Length == 0 ? 2 : 0;
        }
        return args[0] switch
        {
            "run" => RunCommand.Execute(args[1..], Console.Out),
            _ => Fail($"unknown command '{args[0]}'; try --help"),
        };
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
