using System.Diagnostics;
using System.Text;

namespace RnnLab.Testing;

/// <summary>Runs a process to completion with a timeout, collecting stdout and stderr together.</summary>
public static class ProcessOutput
{
    /// <summary>The exit code (-1 on timeout, after killing the process tree) and all output.</summary>
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
