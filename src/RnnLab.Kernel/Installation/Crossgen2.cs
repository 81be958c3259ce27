using RnnLab.Kernel.Directives;

namespace RnnLab.Kernel.Installation;

/// <summary>
/// The ReadyToRun compiler from the Microsoft.NETCore.App.Crossgen2.&lt;rid&gt; package, which the kernel
/// project downloads at restore (PackageDownload) so installing works offline afterwards. It turns
/// IL into native code ahead of time for the runtime that runs the kernel; the IL stays in the file,
/// so the result runs anywhere the IL did, and the runtime falls back to the JIT for any method whose
/// precompiled code does not fit.
/// </summary>
internal sealed class Crossgen2(string executable, string version)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Changes whenever the options below change, so cached images compiled differently are not reused.</summary>
    public const int OptionsVersion = 1;

    public string Executable { get; } = executable;

    /// <summary>The package version, which changes the code it emits.</summary>
    public string Version { get; } = version;

    /// <summary>Compiler version and options: what a compiled image depends on besides its input (part of every cache key).</summary>
    public string Identity => $"{Version}-o{OptionsVersion}";

    /// <summary>The package id for this machine, e.g. Microsoft.NETCore.App.Crossgen2.linux-x64.</summary>
    public static string PackageId => "Microsoft.NETCore.App.Crossgen2." + PortableRuntimeIdentifier.Current;

    /// <summary>
    /// The compiler in the NuGet global packages folder whose major version is the running runtime's:
    /// the exact runtime version if present, else the newest. Null when the package was never restored.
    /// </summary>
    public static Crossgen2? Find()
    {
        string packageFolder = Path.Combine(GlobalPackagesFolder(), PackageId.ToLowerInvariant());
        if (!Directory.Exists(packageFolder)) return null;
        var runtime = Environment.Version;
        var candidates = Directory.GetDirectories(packageFolder)
            .Select(path => (Path: path, Version: System.Version.TryParse(Path.GetFileName(path), out var v) ? v : null))
            .Where(c => c.Version is { } v && v.Major == runtime.Major)
            .OrderByDescending(c => c.Version!.Build == runtime.Build && c.Version.Minor == runtime.Minor)
            .ThenByDescending(c => c.Version);
        string executableName = OperatingSystem.IsWindows() ? "crossgen2.exe" : "crossgen2";
        foreach (var (path, _) in candidates)
        {
            string executable = Path.Combine(path, "tools", executableName);
            if (File.Exists(executable)) return new Crossgen2(executable, Path.GetFileName(path));
        }
        return null;
    }

    /// <summary>
    /// Compiles <paramref name="input"/> to <paramref name="output"/> against the running shared framework
    /// and the assemblies in <paramref name="referenceDirectory"/>. Returns null on success, else the reason.
    /// </summary>
    public string? Compile(string input, string output, string referenceDirectory)
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        // A response file keeps paths with spaces intact; crossgen2 wants one option per line, "name:value" form.
        string responseFile = output + ".rsp";
        File.WriteAllLines(responseFile,
        [
            input,
            "--out:" + output,
            "--optimize",
            "--reference:" + Path.Combine(frameworkDirectory, "*.dll"),
            "--reference:" + Path.Combine(referenceDirectory, "*.dll"),
            // Roslyn's hot paths are framework generics over its own types (ImmutableArray<Symbol>,
            // Dictionary<K, V> of its structs), whose code lives outside its version bubble and would be
            // JIT-compiled: cross-module compilation puts them in this image (halves the methods JIT-compiled
            // at start-up, about 0.2 s). The runtime checks each inlined body's IL and falls back to the JIT
            // when the framework differs.
            "--opt-cross-module:*",
            "--non-local-generics-module:" + Path.GetFileNameWithoutExtension(input),
        ]);
        try
        {
            var (exitCode, console) = ProcessRunner.Run(Executable, ["@" + responseFile], referenceDirectory, Timeout);
            return exitCode == 0 && File.Exists(output) ? null : $"crossgen2 exited with {exitCode}: {console.Trim()}";
        }
        catch (DirectiveError e)
        {
            return e.Message;
        }
        finally
        {
            File.Delete(responseFile);
        }
    }

    private static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
