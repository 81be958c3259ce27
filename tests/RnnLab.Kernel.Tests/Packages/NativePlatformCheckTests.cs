using RnnLab.Kernel.Packages;

namespace RnnLab.Kernel.Tests.Packages;

public class NativePlatformCheckTests
{
    /// <summary>What TorchSharp-cpu 0.107.0's closure carries (its assets file, restored here): natives per package.</summary>
    private static readonly Dictionary<PackageRequest, IReadOnlySet<string>> TorchSharpCpu = new()
    {
        [new("TorchSharp", "0.107.0")] = new HashSet<string> { "linux-x64", "osx-arm64", "win-arm64", "win-x64" },
        [new("libtorch-cpu-linux-x64", "2.10.0")] = new HashSet<string> { "linux-x64" },
        [new("libtorch-cpu-osx-arm64", "2.10.0")] = new HashSet<string> { "osx-arm64" },
        [new("libtorch-cpu-win-x64", "2.10.0")] = new HashSet<string> { "win-x64" },
        [new("SkiaSharp.NativeAssets.macOS", "2.88.6")] = new HashSet<string> { "osx" },
    };

    [Theory]
    [InlineData("linux-arm64")]
    [InlineData("osx-x64")]
    [InlineData("win-arm64")]
    public void UnsupportedPlatforms_GetTheListOfSupportedOnes(string machine)
    {
        Assert.Equal($"TorchSharp-cpu 0.107.0 cannot run on this machine ({machine}): its native libraries (libtorch-cpu-*) exist only "
            + "for linux-x64, osx-arm64 and win-x64.", NativePlatformCheck.Problem(TorchSharpCpu, machine, "TorchSharp-cpu 0.107.0"));
    }

    [Theory]
    [InlineData("linux-x64")]
    [InlineData("osx-arm64")]
    [InlineData("win-x64")]
    public void SupportedPlatforms_PassEvenWhenAnotherPackageHasNoNativesForThem(string machine)
    {
        Assert.Null(NativePlatformCheck.Problem(TorchSharpCpu, machine, "TorchSharp-cpu 0.107.0"));
    }

    [Fact]
    public void TheRealAssetsFile_OfTorchSharpCpu_SaysWhereItRuns()
    {
        string cache = Directory.CreateTempSubdirectory("rnnlab-assets-").FullName;
        new NuGetPackageResolver(cache).Resolve([new PackageRequest("TorchSharp-cpu", "0.107.0")], [], null, "TorchSharp-cpu 0.107.0");
        string assetsFile = Assert.Single(Directory.GetFiles(Path.Combine(cache, "packages"), "project.assets.json", SearchOption.AllDirectories));
        var rids = ProjectAssetsFile.Load(assetsFile).NativeRuntimeIdentifiers("net10.0");
        Assert.Equal("TorchSharp-cpu 0.107.0 cannot run on this machine (linux-arm64): its native libraries (libtorch-cpu-*) exist only "
            + "for linux-x64, osx-arm64 and win-x64.", NativePlatformCheck.Problem(rids, "linux-arm64", "TorchSharp-cpu 0.107.0"));
        Assert.Null(NativePlatformCheck.Problem(rids, "linux-x64", "TorchSharp-cpu 0.107.0"));
    }
}
