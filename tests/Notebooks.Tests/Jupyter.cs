using System.Diagnostics;
using System.Text;
using RnnLab.Kernel.Installation;
using RnnLab.Testing;

namespace Notebooks.Tests;

/// <summary>
/// Debian's Jupyter driving our kernel: the kernelspec installed into a temp --prefix once per test
/// run (JUPYTER_PATH points there), and a way to run jupyter commands with that environment.
/// </summary>
internal static class Jupyter
{
    private const string LibZmq = "/usr/lib/x86_64-linux-gnu/libzmq.so.5";
    private static readonly Lazy<string> Prefix = new(InstallKernelSpec);

    public static void RequireNbconvert()
    {
        Requires.Tool(Requires.CommandExists("jupyter") && Requires.PythonModule("nbconvert"), "jupyter nbconvert", "apt-get install jupyter-nbconvert jupyter-client");
        Requires.Tool(File.Exists(LibZmq), "libzmq (our kernel's transport)", "apt-get install libzmq5");
    }

    /// <summary>Runs jupyter with our kernelspec on JUPYTER_PATH; returns the exit code and all output.</summary>
    public static (int ExitCode, string Output) Run(IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("jupyter", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["JUPYTER_PATH"] = Path.Combine(Prefix.Value, "share", "jupyter");
        info.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        return ProcessOutput.Run(info, timeout);
    }

    private static string InstallKernelSpec()
    {
        string prefix = Directory.CreateTempSubdirectory("rnnlab-notebooks-kernelspec-").FullName;
        var log = new StringWriter();
        if (KernelSpecInstaller.Execute("install", ["--prefix", prefix], log) != 0)
            throw new InvalidOperationException("kernelspec install failed: " + log);
        return prefix;
    }
}

/// <summary>Runs a process to completion with a timeout, collecting stdout and stderr together.</summary>
internal static class ProcessOutput
{
    public static (int ExitCode, string Output) Run(ProcessStartInfo info, TimeSpan timeout)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            lock (output) return (-1, $"timed out after {timeout.TotalSeconds} s\n{output}");
        }
        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }
}
