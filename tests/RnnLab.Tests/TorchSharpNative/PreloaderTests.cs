using RnnLab.TorchSharpNative;

namespace RnnLab.Tests.TorchSharpNative;

/// <summary>
/// The preload this test process made at start-up (TorchSharpNativesFirst) and what later calls
/// get. These tests only read the process-wide state or are refused before loading anything.
/// </summary>
public class PreloaderTests
{
    private static readonly string CacheDirectory = PatchedShimCache.DefaultDirectory();

    [Fact]
    public void TheTestProcess_PreloadedTheFilesOfItsOwnBuildOutput()
    {
        var result = LibTorchSharpPreloader.Preload(TorchSharpNatives.NativeDirectories(), CacheDirectory);
        Assert.Equal(PreloadOutcome.AlreadyPreloaded, result.Outcome);
        string outputFolder = Path.GetFullPath(AppContext.BaseDirectory);
        Assert.All(result.LoadedFiles.Take(3).Append(result.OriginalShim!), path => Assert.StartsWith(outputFolder, path));
        Assert.Equal(["libc10.so", "libtorch_cpu.so", "libtorch.so", "libLibTorchSharp.so"], result.LoadedFiles.Select(Path.GetFileName));
        Assert.Equal(result.UsedPatchedCopy, result.LoadedFiles[3].StartsWith(CacheDirectory, StringComparison.Ordinal));
    }

    [Fact]
    public void TheProcessWideRecord_IsInAppContextForTheOtherAssembliesCopy()
    {
        var result = LibTorchSharpPreloader.Preload(TorchSharpNatives.NativeDirectories(), CacheDirectory);
        var state = Assert.IsType<string[]>(AppContext.GetData(LibTorchSharpPreloader.StateKey));
        Assert.Equal([.. result.LoadedFiles.Take(3), result.OriginalShim!, result.LoadedFiles[3]], state);
    }

    [Fact]
    public void PrepareAgain_SaysWhatIsAlreadyLoaded()
    {
        string summary = TorchSharpNatives.Prepare();
        Assert.StartsWith("TorchSharp natives: already preloaded libtorch from ", summary);
    }

    [Fact]
    public void AnotherLibTorch_IsRefusedBeforeLoadingAnything()
    {
        using var folder = new TestFiles.TempFolder();
        foreach (string name in new[] { "libLibTorchSharp.so", "libtorch_cpu.so", "libc10.so", "libtorch.so" })
            File.WriteAllText(Path.Combine(folder.Path, name), "not loaded: the call is refused first");
        var error = Assert.Throws<InvalidOperationException>(() => LibTorchSharpPreloader.Preload([folder.Path], CacheDirectory));
        Assert.Contains("already preloaded in this process from", error.Message);
        Assert.Contains(Path.Combine(folder.Path, "libtorch_cpu.so"), error.Message);
    }

    [Fact]
    public void DirectoriesWithoutTheShim_AreNothingToDo()
    {
        // What RnnLab's own call sees inside the kernel, which preloads from the NuGet folders itself.
        using var folder = new TestFiles.TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "libtorch_cpu.so"), "");
        var result = LibTorchSharpPreloader.Preload([folder.Path, Path.Combine(folder.Path, "missing")], CacheDirectory);
        Assert.Equal(PreloadOutcome.NothingToDo, result.Outcome);
        Assert.Empty(result.LoadedFiles);
        Assert.Contains("no libLibTorchSharp.so in " + folder.Path, result.Summary);
    }

    [Fact]
    public void AShimWithoutLibTorch_IsReported()
    {
        using var folder = new TestFiles.TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "libLibTorchSharp.so"), "");
        var error = Assert.Throws<InvalidOperationException>(() => TorchSharpNativeFiles.Find([folder.Path]));
        Assert.Contains("no libtorch_cpu.so", error.Message);
    }

    [Fact]
    public void LibTorchParts_ComeFromLibTorchCpusOwnFolder()
    {
        // libtorch_cpu.so finds libc10.so through its RUNPATH ($ORIGIN), whatever other folders hold.
        using var folder = new TestFiles.TempFolder();
        string first = Directory.CreateDirectory(Path.Combine(folder.Path, "first")).FullName;
        string second = Directory.CreateDirectory(Path.Combine(folder.Path, "second")).FullName;
        File.WriteAllText(Path.Combine(first, "libLibTorchSharp.so"), "");
        File.WriteAllText(Path.Combine(first, "libc10.so"), "");
        foreach (string name in new[] { "libtorch_cpu.so", "libc10.so", "libtorch.so" })
            File.WriteAllText(Path.Combine(second, name), "");
        var files = TorchSharpNativeFiles.Find([first, second])!;
        Assert.Equal(new TorchSharpNativeFiles(Path.Combine(second, "libc10.so"), Path.Combine(second, "libtorch_cpu.so"),
                                               Path.Combine(second, "libtorch.so"), Path.Combine(first, "libLibTorchSharp.so")), files);
    }
}
