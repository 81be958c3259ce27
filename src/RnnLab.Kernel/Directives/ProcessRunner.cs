using System.Diagnostics;
using System.Text;

namespace RnnLab.Kernel.Directives;

/// <summary>Runs dotnet (restore, build) and collects its output without waiting on pipes held by build servers.</summary>
internal static class ProcessRunner
{
    /// <summary>MSBuild variables a parent dotnet process (dotnet test, dotnet run) sets for itself; a child build must not inherit them.</summary>
    private static readonly string[] InheritedMsBuildVariables =
        ["MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDNOINPROCNODE"];

    /// <param name="onLine">Sees each line of output as it arrives (progress), besides the collected text.</param>
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
        Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string variable in InheritedMsBuildVariables) info.Environment.Remove(variable);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        void Collect(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
            onLine?.Invoke(line);
        }
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new DirectiveError($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s.");
        }
        // Exited: give the asynchronous readers a moment to deliver the last lines.
        process.WaitForExit(500);
        lock (output) return (process.ExitCode, output.ToString());
    }

    private static int _builds;

    /// <summary>
    /// Runs `dotnet` with build arguments and reads what it reports from files MSBuild writes before
    /// it exits: a minimal-verbosity log (errors such as NU1101) and, for -getProperty, the result.
    /// The console cannot be relied on for these: build servers may hold its pipes open, so
    /// <see cref="Run"/> stops waiting for output shortly after exit and can miss the last lines.
    /// </summary>
    public static BuildOutcome RunBuild(IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, Action<string>? onLine = null)
    {
        string stem = Path.Combine(Path.GetTempPath(), $"rnnlab-build-{Environment.ProcessId}-{Interlocked.Increment(ref _builds)}");
        string logFile = stem + ".log", resultFile = stem + ".result";
        bool wantsResult = arguments.Any(a => a.StartsWith("-getProperty:", StringComparison.Ordinal));
        var all = new List<string>(arguments) { $"-flp:LogFile={logFile};Verbosity=minimal" };
        if (wantsResult) all.Add($"-getResultOutputFile:{resultFile}");
        try
        {
            var (exitCode, console) = Run(DotnetHost(), all, workingDirectory, timeout, onLine);
            string log = File.Exists(logFile) ? File.ReadAllText(logFile) : console;
            string result = wantsResult && File.Exists(resultFile) ? File.ReadAllText(resultFile) : console;
            return new BuildOutcome(exitCode, log, result);
        }
        finally
        {
            File.Delete(logFile);
            File.Delete(resultFile);
        }
    }

    /// <summary>The dotnet host running us (so child builds use the same SDK), else dotnet from PATH.</summary>
    public static string DotnetHost()
    {
        string? fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli)) return fromCli;
        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        string exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, exe);
            if (File.Exists(candidate)) return candidate;
        }
        return exe;
    }

    /// <summary>The distinct "error ..." lines of a dotnet build log, without the project path suffix.</summary>
    public static IReadOnlyList<string> ErrorLines(string log) =>
        log.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains(": error ", StringComparison.Ordinal) || l.StartsWith("error ", StringComparison.Ordinal))
            .Select(l => l.EndsWith(']') && l.LastIndexOf(" [", StringComparison.Ordinal) is int cut and > 0 ? l[..cut] : l)
            .Distinct()
            .ToList();
}
