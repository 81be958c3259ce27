namespace RnnLab.TorchSharpNative;

/// <summary>
/// Loads TorchSharp's shim as shipped when the dynamic linker accepts it, and a patched copy
/// only when it is refused for GLIBCXX_3.4.32. Asking the dynamic linker is the one answer that
/// accounts for whichever libstdc++ this process really uses (system, conda, LD_LIBRARY_PATH),
/// so hosts with GCC 13's libstdc++ or newer never see a patched file. The refused attempt
/// costs nothing lasting: glibc unloads a library that fails its version check, and TorchSharp
/// itself makes the same attempt.
/// </summary>
internal static class ShimSelection
{
    /// <summary>The shim file that was loaded and whether it is the patched copy.</summary>
    internal sealed record Loaded(string Path, bool IsPatchedCopy);

    /// <param name="tryLoad">Loads a library by full path; null on success, else the loader's error message.</param>
    /// <exception cref="InvalidOperationException">The shim does not load and the fix does not help.</exception>
    public static Loaded Load(string originalShim, string patchCacheDirectory, Func<string, string?> tryLoad)
    {
        string? originalError = tryLoad(originalShim);
        if (originalError is null) return new Loaded(originalShim, false);
        // glibc names the missing version in its message ("version `GLIBCXX_3.4.32' not found"),
        // untranslated even where the rest of the message is localised.
        if (!originalError.Contains(GlibcxxWeakening.VersionName, StringComparison.Ordinal))
            throw new InvalidOperationException(
                $"TorchSharp's native library {originalShim} does not load, for a reason other than the " +
                $"missing {GlibcxxWeakening.VersionName} this project works around:{Environment.NewLine}{originalError}");

        string patched = PatchedShimCache.GetOrCreate(originalShim, patchCacheDirectory);
        string? patchedError = tryLoad(patched);
        if (patchedError is not null)
            throw new InvalidOperationException(
                $"TorchSharp's native library {originalShim} needs {GlibcxxWeakening.VersionName}, which this system's " +
                $"libstdc++ lacks, and its patched copy {patched} does not load either:{Environment.NewLine}{patchedError}");
        return new Loaded(patched, true);
    }
}
