using System.Text.Json.Nodes;
using RnnLab.Kernel.Installation;
using RnnLab.Testing;

namespace RnnLab.Kernel.Tests.Jupyter;

public class KernelSpecInstallerTests
{
    private static string KernelsFolder(string prefix) => Path.Combine(prefix, "share", "jupyter", "kernels", "rnnlab-csharp");

    private static List<string?> Argv(string prefix) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(KernelsFolder(prefix), "kernel.json")))!["argv"]!.AsArray().Select(a => (string?)a).ToList();

    [Fact]
    public void InstallWithPrefix_WritesAMessageInterruptKernelSpec_ThatUninstallRemoves()
    {
        string prefix = Directory.CreateTempSubdirectory("rnnlab-install-").FullName;
        var log = new StringWriter();
        Assert.Equal(0, KernelSpecInstaller.Execute("install", ["--prefix", prefix], log));
        string spec = Path.Combine(KernelsFolder(prefix), "kernel.json");
        var kernel = JsonNode.Parse(File.ReadAllText(spec))!;
        Assert.Equal("C# (RnnLab)", (string?)kernel["display_name"]);
        Assert.Equal("csharp", (string?)kernel["language"]);
        Assert.Equal("message", (string?)kernel["interrupt_mode"]);
        var argv = Argv(prefix);
        Assert.True(Path.IsPathRooted(argv[0]), argv[0]);
        Assert.EndsWith("RnnLab.Kernel.dll", argv[1]);
        Assert.True(File.Exists(argv[1]));
        Assert.Equal(["kernel", "-f", "{connection_file}"], argv[2..]);

        Assert.Equal(0, KernelSpecInstaller.Execute("uninstall", ["--prefix", prefix], log));
        Assert.False(Directory.Exists(KernelsFolder(prefix)));
        Assert.Equal(1, KernelSpecInstaller.Execute("uninstall", ["--prefix", prefix], log));
    }

    [Fact]
    public void Install_CopiesTheKernelIntoTheSpec_WithRoslynAndTheKernelPrecompiled()
    {
        string prefix = Directory.CreateTempSubdirectory("rnnlab-install-").FullName;
        var log = new StringWriter();
        Assert.True(KernelSpecInstaller.Execute("install", ["--prefix", prefix], log) == 0, log.ToString());
        string copy = Path.GetDirectoryName(Argv(prefix)[1])!;
        // The kernel runs from its own copy, so rebuilding the repository cannot change it under a running kernel.
        Assert.Equal(KernelsFolder(prefix), Path.GetDirectoryName(copy));
        string[] files = Directory.GetFiles(copy).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        Assert.Equal(
        [
            ".complete", "Microsoft.AspNetCore.Html.Abstractions.dll", "Microsoft.Bcl.AsyncInterfaces.dll",
            "Microsoft.CodeAnalysis.CSharp.Scripting.dll", "Microsoft.CodeAnalysis.CSharp.dll", "Microsoft.CodeAnalysis.Scripting.dll",
            "Microsoft.CodeAnalysis.dll", "Microsoft.DotNet.Interactive.Formatting.dll", "RnnLab.Kernel.deps.json", "RnnLab.Kernel.dll", "RnnLab.Kernel.pdb", "RnnLab.Kernel.runtimeconfig.json",
            "RnnLab.Kernel.xml",
        ], files);
        foreach (string assembly in files.Where(f => f.EndsWith(".dll", StringComparison.Ordinal)))
            Assert.True(KernelPrecompiler.IsReadyToRun(Path.Combine(copy, assembly)), $"{assembly} is not precompiled; install said:\n{log}");
        Assert.False(KernelPrecompiler.IsReadyToRun(typeof(KernelSpecInstaller).Assembly.Location), "the build output itself stays IL");
    }

    [Fact]
    public void Reinstall_ReusesTheCopy_AndRemovesOlderOnes()
    {
        string prefix = Directory.CreateTempSubdirectory("rnnlab-install-").FullName;
        Assert.Equal(0, KernelSpecInstaller.Execute("install", ["--prefix", prefix], new StringWriter()));
        string first = Argv(prefix)[1]!;
        string older = Path.Combine(KernelsFolder(prefix), "kernel-0000000000000000-il");
        Directory.CreateDirectory(older);
        var log = new StringWriter();
        Assert.Equal(0, KernelSpecInstaller.Execute("install", ["--prefix", prefix], log));
        Assert.Contains("kernel files unchanged", log.ToString());
        Assert.DoesNotContain("precompiling", log.ToString());
        Assert.Equal(first, Argv(prefix)[1]);
        Assert.False(Directory.Exists(older));
        Assert.Single(Directory.GetDirectories(KernelsFolder(prefix)));
    }

    [Fact]
    public void NoPrecompile_InstallsTheIlCopy()
    {
        string prefix = Directory.CreateTempSubdirectory("rnnlab-install-").FullName;
        Assert.Equal(0, KernelSpecInstaller.Execute("install", ["--prefix", prefix, "--no-precompile"], new StringWriter()));
        string kernel = Argv(prefix)[1]!;
        Assert.EndsWith("-il", Path.GetDirectoryName(kernel));
        Assert.False(KernelPrecompiler.IsReadyToRun(kernel));
        Assert.Equal(2, KernelSpecInstaller.Execute("uninstall", ["--prefix", prefix, "--no-precompile"], new StringWriter()));
    }

    [Fact]
    public void PrecompiledImages_AreCachedByContent_AcrossInstalls()
    {
        string cache = Directory.CreateTempSubdirectory("rnnlab-precompiled-").FullName;
        var log = new StringWriter();
        string firstPrefix = Directory.CreateTempSubdirectory("rnnlab-install-").FullName;
        Assert.Equal(0, KernelSpecInstaller.Execute("install", ["--prefix", firstPrefix], log, cache));
        Assert.Contains("precompiling Microsoft.CodeAnalysis.CSharp.dll", log.ToString());
        var cached = Directory.GetFiles(Path.Combine(cache, "precompiled"), "*.dll");
        // Roslyn's four assemblies, .NET Interactive's formatting API and its two dependencies, and the kernel.
        Assert.Equal(8, cached.Length);

        var second = new StringWriter();
        string secondPrefix = Directory.CreateTempSubdirectory("rnnlab-install-").FullName;
        Assert.Equal(0, KernelSpecInstaller.Execute("install", ["--prefix", secondPrefix], second, cache));
        Assert.DoesNotContain("precompiling", second.ToString());
        string a = Argv(firstPrefix)[1]!, b = Argv(secondPrefix)[1]!;
        Assert.Equal(Path.GetFileName(Path.GetDirectoryName(a)), Path.GetFileName(Path.GetDirectoryName(b)));
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void AppFiles_WithoutDepsJson_IsAClearError()
    {
        string folder = Directory.CreateTempSubdirectory("rnnlab-app-").FullName;
        File.Copy(typeof(KernelSpecInstaller).Assembly.Location, Path.Combine(folder, "RnnLab.Kernel.dll"));
        var error = Assert.Throws<InvalidOperationException>(() => KernelAppFiles.Of(Path.Combine(folder, "RnnLab.Kernel.dll")));
        Assert.Contains("RnnLab.Kernel.deps.json is missing", error.Message);
    }

    [Fact]
    public void JupyterKernelspecList_FindsTheInstalledKernel()
    {
        JupyterEnvironment.RequireJupyterClient();
        Requires.Tool(Requires.CommandExists("jupyter"), "jupyter", "apt-get install jupyter-client");
        var (exit, output) = JupyterEnvironment.Run("jupyter", ["kernelspec", "list"], Path.GetTempPath(), TimeSpan.FromMinutes(1));
        Assert.True(exit == 0, output);
        Assert.Contains("rnnlab-csharp", output);
    }

    [Fact]
    public void UnknownOption_IsAUsageError()
    {
        Assert.Equal(2, KernelSpecInstaller.Execute("install", ["--everywhere"], new StringWriter()));
    }
}
