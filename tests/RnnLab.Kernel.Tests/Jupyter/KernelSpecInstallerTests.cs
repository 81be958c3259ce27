using System.Text.Json.Nodes;
using RnnLab.Kernel.Installation;
using RnnLab.Testing;

namespace RnnLab.Kernel.Tests.Jupyter;

public class KernelSpecInstallerTests
{
    [Fact]
    public void InstallWithPrefix_WritesAMessageInterruptKernelSpec_ThatUninstallRemoves()
    {
        string prefix = Directory.CreateTempSubdirectory("rnnlab-install-").FullName;
        var log = new StringWriter();
        Assert.Equal(0, KernelSpecInstaller.Execute("install", ["--prefix", prefix], log));
        string spec = Path.Combine(prefix, "share", "jupyter", "kernels", "rnnlab-csharp", "kernel.json");
        var kernel = JsonNode.Parse(File.ReadAllText(spec))!;
        Assert.Equal("C# (RnnLab)", (string?)kernel["display_name"]);
        Assert.Equal("csharp", (string?)kernel["language"]);
        Assert.Equal("message", (string?)kernel["interrupt_mode"]);
        var argv = kernel["argv"]!.AsArray().Select(a => (string?)a).ToList();
        Assert.True(Path.IsPathRooted(argv[0]), argv[0]);
        Assert.EndsWith("RnnLab.Kernel.dll", argv[1]);
        Assert.True(File.Exists(argv[1]));
        Assert.Equal(["kernel", "-f", "{connection_file}"], argv[2..]);

        Assert.Equal(0, KernelSpecInstaller.Execute("uninstall", ["--prefix", prefix], log));
        Assert.False(File.Exists(spec));
        Assert.Equal(1, KernelSpecInstaller.Execute("uninstall", ["--prefix", prefix], log));
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
