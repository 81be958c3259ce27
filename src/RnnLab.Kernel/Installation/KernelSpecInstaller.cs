using System.Diagnostics;
using System.Text.Json.Nodes;
using RnnLab.Kernel.Directives;

namespace RnnLab.Kernel.Installation;

/// <summary>
/// install/uninstall: writes (or removes) the kernelspec folder "rnnlab-csharp" where Jupyter,
/// VS Code and nbconvert look: --user (default) ~/.local/share/jupyter/kernels, --prefix P
/// P/share/jupyter/kernels, --sys-prefix the prefix of the Python that runs `jupyter`.
/// install copies the kernel into the kernelspec folder, precompiled (see <see cref="KernelPrecompiler"/>),
/// and the argv runs that copy with the dotnet host, both by absolute path.
/// </summary>
public static class KernelSpecInstaller
{
    public const string Usage = "install [--user | --prefix PATH | --sys-prefix] [--no-precompile] | uninstall [--user | --prefix PATH | --sys-prefix]";

    private const string NoPrecompile = "--no-precompile";

    public static int Execute(string command, string[] args, TextWriter output) =>
        Execute(command, args, output, KernelCache.DefaultRoot());

    /// <param name="cacheRoot">Where precompiled assemblies are cached (tests pass their own).</param>
    internal static int Execute(string command, string[] args, TextWriter output, string cacheRoot)
    {
        bool precompile = !args.Contains(NoPrecompile);
        if (command == "install") args = args.Where(a => a != NoPrecompile).ToArray();
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
        string kernelDirectory;
        try
        {
            var app = KernelAppFiles.Of(typeof(KernelSpecInstaller).Assembly.Location);
            Directory.CreateDirectory(specDirectory);
            kernelDirectory = new KernelPrecompiler(cacheRoot, output).Install(app, specDirectory, precompile);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine(e.Message);
            return 1;
        }
        string assembly = Path.Combine(kernelDirectory, Path.GetFileName(typeof(KernelSpecInstaller).Assembly.Location));
        File.WriteAllText(Path.Combine(specDirectory, "kernel.json"), KernelJson(assembly).ToJsonString(new() { WriteIndented = true }) + "\n");
        output.WriteLine($"installed kernelspec {KernelIdentity.KernelName} (\"{KernelIdentity.DisplayName}\") in {specDirectory}");
        return 0;
    }

    /// <summary>The kernelspec that starts <paramref name="assembly"/> (an installed copy of the kernel).</summary>
    public static JsonObject KernelJson(string assembly)
    {
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
