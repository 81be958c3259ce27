using RnnLab.TorchSharpNative;

namespace RnnLab.Tests.TorchSharpNative;

/// <summary>
/// The choice between the shipped shim and a patched copy, with a fake dynamic linker: a host
/// whose libstdc++ has GLIBCXX_3.4.32 loads the original and gets no patched file at all.
/// </summary>
public sealed class ShimSelectionTests : IDisposable
{
    private const string MissingVersion =
        "/lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found (required by /x/libLibTorchSharp.so)";

    private readonly TestFiles.TempFolder _folder = new();
    private readonly string _shim;
    private readonly string _cache;
    private readonly List<string> _attempts = [];

    public ShimSelectionTests()
    {
        // A copy, so the cache's reads can never touch the NuGet folder's file.
        _shim = Path.Combine(_folder.Path, "native", "libLibTorchSharp.so");
        Directory.CreateDirectory(Path.GetDirectoryName(_shim)!);
        File.Copy(TestFiles.PackagedShim, _shim);
        _cache = Path.Combine(_folder.Path, "cache");
    }

    public void Dispose() => _folder.Dispose();

    private Func<string, string?> Linker(Func<string, string?> answer) => path =>
    {
        _attempts.Add(path);
        return answer(path);
    };

    [Fact]
    public void ALibstdcxxWithTheVersion_LoadsTheOriginal_AndPatchesNothing()
    {
        var loaded = ShimSelection.Load(_shim, _cache, Linker(_ => null));
        Assert.Equal(new ShimSelection.Loaded(_shim, false), loaded);
        Assert.Equal([_shim], _attempts);
        Assert.False(Directory.Exists(_cache));
    }

    [Fact]
    public void AnOldLibstdcxx_LoadsAPatchedCopyNamedLikeTheOriginal()
    {
        var loaded = ShimSelection.Load(_shim, _cache, Linker(path => path == _shim ? MissingVersion : null));
        Assert.True(loaded.IsPatchedCopy);
        Assert.Equal([_shim, loaded.Path], _attempts);
        Assert.Equal("libLibTorchSharp.so", Path.GetFileName(loaded.Path));
        Assert.Equal(_cache, Path.GetDirectoryName(Path.GetDirectoryName(loaded.Path)));
        byte[] expected = File.ReadAllBytes(_shim);
        GlibcxxWeakening.Apply(expected, "expected");
        Assert.Equal(expected, File.ReadAllBytes(loaded.Path));
        Assert.Equal(File.ReadAllBytes(TestFiles.PackagedShim), File.ReadAllBytes(_shim));
    }

    [Fact]
    public void AnotherLoadError_IsReported_AndPatchesNothing()
    {
        const string other = "/x/libLibTorchSharp.so: cannot open shared object file: Permission denied";
        var error = Assert.Throws<InvalidOperationException>(() => ShimSelection.Load(_shim, _cache, Linker(_ => other)));
        Assert.Contains(other, error.Message);
        Assert.Contains("for a reason other than the missing GLIBCXX_3.4.32", error.Message);
        Assert.False(Directory.Exists(_cache));
    }

    [Fact]
    public void APatchedCopyThatFailsToo_IsReportedWithItsOwnError()
    {
        const string glibc = "/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found";
        var error = Assert.Throws<InvalidOperationException>(
            () => ShimSelection.Load(_shim, _cache, Linker(path => path == _shim ? MissingVersion : glibc)));
        Assert.Contains("its patched copy", error.Message);
        Assert.Contains(glibc, error.Message);
    }

    [Fact]
    public void TheCache_ReusesAGoodCopy_ReplacesABadOne_AndLeavesNoTemporaryFiles()
    {
        string first = PatchedShimCache.GetOrCreate(_shim, _cache);
        var written = File.GetLastWriteTimeUtc(first);
        File.SetLastWriteTimeUtc(first, written.AddHours(-1));
        Assert.Equal(first, PatchedShimCache.GetOrCreate(_shim, _cache));
        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(first));

        File.WriteAllText(first, "damaged");
        Assert.Equal(first, PatchedShimCache.GetOrCreate(_shim, _cache));
        byte[] expected = File.ReadAllBytes(_shim);
        GlibcxxWeakening.Apply(expected, "expected");
        Assert.Equal(expected, File.ReadAllBytes(first));
        Assert.Equal([first], Directory.GetFiles(_cache, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void TheCache_IsKeyedByTheOriginalsHash()
    {
        string path = PatchedShimCache.GetOrCreate(_shim, _cache);
        string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(TestFiles.PackagedShim)));
        Assert.Equal(Path.Combine(_cache, hash, "libLibTorchSharp.so"), path);
    }

    [Fact]
    public void AnUnwritableCache_IsReportedWithTheFolder()
    {
        string blocker = Path.Combine(_folder.Path, "a-file");
        File.WriteAllText(blocker, "");
        var error = Assert.Throws<IOException>(() => PatchedShimCache.GetOrCreate(_shim, Path.Combine(blocker, "cache")));
        Assert.Contains($"Could not write the patched copy of {_shim} to {Path.Combine(blocker, "cache")}", error.Message);
    }
}
