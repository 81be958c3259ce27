using RnnLab.Kernel.Installation;
using RnnLab.Kernel.Messaging;
using RnnLab.Kernel.Migration;
using RnnLab.Kernel.Notebooks;

namespace RnnLab.Kernel;

/// <summary>The one executable: run notebooks, serve as a Jupyter kernel, install the kernelspec.</summary>
public static class Program
{
    private const string Usage = """
        usage: RnnLab.Kernel <command>
          run [--output-dir DIR] [--allow-errors] [--timeout SECONDS] [--html] <notebook.ipynb|folder>...
                                   execute notebooks in-process and write them back (default folder: notebooks)
          kernel -f CONNECTION_FILE  serve as a Jupyter kernel (what the kernelspec starts)
          install [--user | --prefix PATH | --sys-prefix]
                                   register the "C# (RnnLab)" kernelspec (rnnlab-csharp) with Jupyter
          uninstall [--user | --prefix PATH | --sys-prefix]
          convert <notebook.ipynb|notebook.dib>... [-o out.ipynb]
                                   rewrite Polyglot/.NET Interactive notebooks for this kernel
                                   (.ipynb in place, .dib as the .ipynb beside it)
          student [NOTEBOOKS_DIR] [OUTPUT_DIR]
                                   write workshop copies: exercise solutions become stubs, outputs cleared
                                   (defaults: notebooks notebooks/student)
        """;

    /// <summary>Entry point; returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        return args[0] switch
        {
            "run" => RunCommand.Execute(args[1..], Console.Out),
            "kernel" when args is ["kernel", "-f", _] => KernelServer.Run(args[2]),
            "kernel" when args is ["kernel", _] => KernelServer.Run(args[1]),
            "convert" => ConvertCommand.Execute(args[1..], Console.Out),
            "student" => StudentCommand.Execute(args[1..], Console.Out),
            "install" or "uninstall" => KernelSpecInstaller.Execute(args[0], args[1..], Console.Out),
            _ => Fail($"unknown command or arguments '{string.Join(' ', args)}'; try --help"),
        };
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
