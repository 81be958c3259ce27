using System.Diagnostics;
using System.Text.Json.Nodes;
using RnnLab.Kernel.Directives;

namespace RnnLab.Kernel.Installation;

/// <summary>
/// install/uninstall: writes (or removes) the kernelspec folder "rnnlab-csharp" where Jupyter,
/// VS Code and nbconvert look: --user (default) ~/.local/share/jupyter/kernels, --prefix P
/// P/share/jupyter/kernels, --sys-prefix the prefix of the Python that runs `jupyter`.
/// The argv runs the built RnnLab.Kernel.dll with the dotnet host, both by absolute path.
/// </summary>
public static class KernelSpecInstaller
{
    public const string Usage = "install|uninstall [--user | --prefix PATH | --sys-prefix]";

    public static int Execute(string command, string[] args, TextWriter output)
    {
        string? kernelsDirectory;
        try
        {
            kernelsDirectory = KernelsDirectory(args);
        }
        catch (ArgumentException e)
        {
            output.WriteLine($"{e.Message}; usage: {Usage}");
            return 2;
        }
        if (kernelsDirectory is null)
        {
            output.WriteLine("cannot find Python's sys.prefix for --sys-prefix (is jupyter on PATH?)");
            return 1;
        }
        string specDirectory = Path.Combine(kernelsDirectory, KernelIdentity.KernelName);
        if (command == "uninstall")
        {
            if (!Directory.Exists(specDirectory))
            {
                output.WriteLine($"no kernelspec at {specDirectory}");
                return 1;
            }
            Directory.Delete(specDirectory, recursive: true);
            output.WriteLine($"removed kernelspec {KernelIdentity.KernelName} from {specDirectory}");
            return 0;
        }
        Directory.CreateDirectory(specDirectory);
        File.WriteAllText(Path.Combine(specDirectory, "kernel.json"), KernelJson().ToJsonString(new() { WriteIndented = true }) + "\n");
        output.WriteLine($"installed kernelspec {KernelIdentity.KernelName} (\"{KernelIdentity.DisplayName}\") in {specDirectory}");
        return 0;
    }

    public static JsonObject KernelJson()
    {
        string assembly = typeof(KernelSpecInstaller).Assembly.Location;
        return new JsonObject
        {
            ["argv"] = new JsonArray(ProcessRunner.DotnetHost(), assembly, "kernel", "-f", "{connection_file}"),
            ["display_name"] = KernelIdentity.DisplayName,
            ["language"] = KernelIdentity.Language,
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
    }

    private static string? KernelsDirectory(string[] args)
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string userData = OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter")
            : OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Jupyter")
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".local", "share"), "jupyter");
        if (args.Length == 0 || args is ["--user"]) return Path.Combine(userData, "kernels");
        if (args is ["--prefix", var prefix]) return Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");
        if (args is ["--sys-prefix"]) return PythonPrefix() is { } sysPrefix ? Path.Combine(sysPrefix, "share", "jupyter", "kernels") : null;
        throw new ArgumentException($"unexpected arguments '{string.Join(' ', args)}'");
    }

    /// <summary>sys.prefix of the Python behind `jupyter` (its shebang), so the spec lands where that Jupyter looks.</summary>
    private static string? PythonPrefix()
    {
        string? jupyter = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "jupyter")).FirstOrDefault(File.Exists);
        string python = "python3";
        if (jupyter is not null && File.ReadLines(jupyter).FirstOrDefault() is { } shebang && shebang.StartsWith("#!", StringComparison.Ordinal))
            python = shebang[2..].Trim().Split(' ')[0];
        try
        {
            using var process = Process.Start(new ProcessStartInfo(python, ["-c", "import sys; print(sys.prefix)"]) { RedirectStandardOutput = true })!;
            string prefix = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && prefix.Length > 0 ? prefix : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
