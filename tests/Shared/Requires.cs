namespace RnnLab.Testing;

/// <summary>
/// Guards tests that need a tool outside the .NET SDK. On a developer machine without the tool
/// the test is skipped with the install command; under CI=true it fails instead, because a skip
/// in CI would hide a missing install step in .ci/run.
/// </summary>
public static class Requires
{
    /// <summary>True when the CI environment variable says we run under CI.</summary>
    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (locally) or fails (in CI) unless <paramref name="available"/> holds.</summary>
    public static void Tool(bool available, string what, string howToInstall)
    {
        if (available) return;
        string message = $"{what} is not available here; install it with: {howToInstall}";
        if (InCi) Assert.Fail("CI=true forbids skipping tests for a missing tool: " + message);
        Assert.Skip(message);
    }

    /// <summary>An executable file at an absolute path, or a command found on PATH.</summary>
    public static bool CommandExists(string command)
    {
        if (Path.IsPathRooted(command)) return File.Exists(command);
        string path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                   .Any(dir => File.Exists(Path.Combine(dir, command)));
    }

    /// <summary>Debian's python3 with a module importable (PyTorch, jupyter_client, ...).</summary>
    public static bool PythonModule(string module)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) return false;
        var info = new System.Diagnostics.ProcessStartInfo(python, ["-c", $"import {module}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(info)!;
        process.WaitForExit(60_000);
        return process.HasExited && process.ExitCode == 0;
    }
}
