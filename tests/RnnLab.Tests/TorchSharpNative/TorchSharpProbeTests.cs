using System.Diagnostics;
using System.Globalization;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace RnnLab.Tests.TorchSharpNative;

/// <summary>Builds the TorchSharpProbe console app (a test asset beside these tests) once for the class.</summary>
public sealed class TorchSharpProbeBuild
{
    /// <summary>The .NET SDK's own folder: the muxer running this test lives there.</summary>
    public static readonly string DotnetFolder = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
    public static readonly string Dotnet = Path.Combine(DotnetFolder, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");

    public TorchSharpProbeBuild()
    {
        string project = Path.Combine(TestFiles.RepositoryRoot, "tests", "RnnLab.Tests", "TorchSharpProbe", "TorchSharpProbe.csproj");
        // No build servers: nothing started here outlives the test or keeps the reduced PATH.
        var (exitCode, output) = ProcessOutput.Run(
            WithSdkOnlyPath(new ProcessStartInfo(Dotnet, ["build", project, "-nologo", "-v:q", "--disable-build-servers"])),
            TimeSpan.FromMinutes(10));
        BuildOutput = output;
        Succeeded = exitCode == 0;
        OutputFolder = Path.Combine(TestFiles.RepositoryRoot, "artifacts", "bin", "TorchSharpProbe", "debug");
    }

    public bool Succeeded { get; }
    public string BuildOutput { get; }
    public string OutputFolder { get; }
    public string ProbeDll => Path.Combine(OutputFolder, "TorchSharpProbe.dll");

    /// <summary>PATH holds only the SDK's folder: no compiler, no patchelf, no other tool reachable.</summary>
    public static ProcessStartInfo WithSdkOnlyPath(ProcessStartInfo info)
    {
        info.Environment["PATH"] = DotnetFolder;
        info.Environment.Remove("LD_LIBRARY_PATH");
        info.Environment.Remove("LD_PRELOAD");
        return info;
    }
}

/// <summary>
/// A fresh process that sees only the .NET SDK runs TorchSharp: the probe's first statement
/// touches TorchSharp.torch and must draw PyTorch's numbers, with no cpu/ copy anywhere.
/// </summary>
public sealed class TorchSharpProbeTests(TorchSharpProbeBuild build) : IClassFixture<TorchSharpProbeBuild>, IDisposable
{
    private static readonly (string Name, long Seed, long[] Shape, float[] Expected) Case =
        TestFiles.PyTorchRandnCases().Single(c => c.Name == "randn_s0_2x3x5");

    // A cache folder of its own, so the probe makes its patched copy from scratch (where one is needed).
    private readonly TestFiles.TempFolder _cache = new();

    public void Dispose() => _cache.Dispose();

    private ProcessStartInfo Probe(string program, params string[] arguments)
    {
        var info = TorchSharpProbeBuild.WithSdkOnlyPath(new ProcessStartInfo(program, arguments));
        info.Environment["RNNLAB_NATIVE_CACHE"] = _cache.Path;
        return info;
    }

    private static string[] ProbeArguments(string probeDll) =>
        [probeDll, Case.Seed.ToString(CultureInfo.InvariantCulture), .. Case.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture))];

    private void AssertDrawsPyTorchsNumbers(string output)
    {
        float[] printed = output.Split('\n')
            .Select(line => float.TryParse(line, NumberStyles.Float, CultureInfo.InvariantCulture, out float v) ? v : float.NaN)
            .Where(v => !float.IsNaN(v)).ToArray();
        Assert.True(printed.Length == Case.Expected.Length, $"expected {Case.Expected.Length} values from the probe:\n{output}");
        Assert.All(Enumerable.Range(0, printed.Length), i => Assert.True(Math.Abs(printed[i] - Case.Expected[i]) <= 1e-6,
            $"value {i}: {printed[i]} vs PyTorch {Case.Expected[i]}\n{output}"));
    }

    [Fact]
    public void WithOnlyTheSdkOnPath_TorchSharpRuns_AndCopiesNoNatives()
    {
        Assert.True(build.Succeeded, "the probe did not build:\n" + build.BuildOutput);
        var (exitCode, output) = ProcessOutput.Run(Probe(TorchSharpProbeBuild.Dotnet, ProbeArguments(build.ProbeDll)), TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"the probe failed ({exitCode}):\n{output}");
        AssertDrawsPyTorchsNumbers(output);
        Assert.Contains("TorchSharp natives: already preloaded libtorch from " + Path.Combine(build.OutputFolder, "runtimes"), output);

        // TorchSharp's fallback would have made a cpu/ folder beside the TorchSharp.dll it runs from.
        Assert.False(Directory.Exists(Path.Combine(build.OutputFolder, "cpu")), "TorchSharp copied its natives into the probe's cpu/ folder");
        var copiesInNuGet = Directory.GetDirectories(Path.Combine(TestFiles.TorchSharpPackage, "lib"))
            .Select(tfm => Path.Combine(tfm, "cpu")).Where(Directory.Exists).ToList();
        Assert.True(copiesInNuGet.Count == 0, "cpu/ folders in the NuGet cache: " + string.Join(", ", copiesInNuGet));
    }

    [Fact]
    public void TheProbe_StartsNoOtherProgram()
    {
        const string strace = "/usr/bin/strace";
        Requires.Tool(File.Exists(strace), "strace", "sudo apt-get install strace");
        Assert.True(build.Succeeded, "the probe did not build:\n" + build.BuildOutput);
        string trace = Path.Combine(_cache.Path, "execve.trace");
        var (exitCode, output) = ProcessOutput.Run(
            Probe(strace, ["-f", "-qq", "-e", "trace=execve,execveat", "-o", trace, TorchSharpProbeBuild.Dotnet, .. ProbeArguments(build.ProbeDll)]),
            TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"the probe failed under strace ({exitCode}):\n{output}");
        AssertDrawsPyTorchsNumbers(output);
        string[] programs = File.ReadAllLines(trace).Where(line => line.Contains("execve", StringComparison.Ordinal)).ToArray();
        // One execve: strace starting dotnet. Anything more is a program the process started.
        Assert.True(programs.Length == 1, "programs started:\n" + string.Join("\n", programs));
    }

    [Fact]
    public void TheNativePreload_CannotStartAProgram()
    {
        // RnnLab compiles the preload: it references no Process type and declares no P/Invoke
        // (fork/exec would need one), checked in its metadata rather than by reading source.
        using var stream = File.OpenRead(typeof(TorchSharpNatives).Assembly.Location);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        var processTypes = metadata.TypeReferences.Select(h => metadata.GetTypeReference(h))
            .Where(t => metadata.GetString(t.Namespace) == "System.Diagnostics" && metadata.GetString(t.Name).StartsWith("Process", StringComparison.Ordinal))
            .Select(t => metadata.GetString(t.Name)).ToList();
        Assert.Empty(processTypes);
        var pinvokes = metadata.MethodDefinitions.Select(h => metadata.GetMethodDefinition(h))
            .Where(m => (m.Attributes & System.Reflection.MethodAttributes.PinvokeImpl) != 0)
            .Select(m => metadata.GetString(m.Name)).ToList();
        Assert.Empty(pinvokes);
    }
}
