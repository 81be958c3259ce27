using System.Security.Cryptography;

namespace RnnLab.TorchSharpNative;

/// <summary>
/// Where the patched copy of libLibTorchSharp.so lives: &lt;cache&gt;/&lt;sha256 of the original&gt;/libLibTorchSharp.so.
/// The original is never written to (it usually sits in the NuGet global packages folder).
/// The copy keeps the original's file name so its SONAME matches the name TorchSharp later
/// asks the dynamic linker for; the hash keeps copies of different TorchSharp versions apart.
/// </summary>
internal static class PatchedShimCache
{
    /// <summary>The cache folder: $RNNLAB_NATIVE_CACHE, else $XDG_CACHE_HOME/rnnlab, else ~/.cache/rnnlab (LocalApplicationData\rnnlab on Windows).</summary>
    public static string DefaultDirectory()
    {
        string? chosen = Environment.GetEnvironmentVariable("RNNLAB_NATIVE_CACHE");
        if (!string.IsNullOrEmpty(chosen)) return Path.GetFullPath(chosen);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "rnnlab");
        // The XDG spec says to ignore a relative XDG_CACHE_HOME.
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "rnnlab");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        // A service account without a home still gets a usable cache, just not a lasting one.
        return home.Length > 0 ? Path.Combine(home, ".cache", "rnnlab") : Path.Combine(Path.GetTempPath(), "rnnlab");
    }

    /// <summary>
    /// The path of the patched copy of <paramref name="originalShim"/>, written if missing or
    /// different. Written to a temporary file and renamed into place, so a concurrent process
    /// sees either no copy or a whole one, and a process that already loaded an older copy
    /// keeps its mapping.
    /// </summary>
    public static string GetOrCreate(string originalShim, string cacheDirectory)
    {
        byte[] image = File.ReadAllBytes(originalShim);
        string folder = Path.Combine(cacheDirectory, Convert.ToHexStringLower(SHA256.HashData(image)));
        string target = Path.Combine(folder, Path.GetFileName(originalShim));
        GlibcxxWeakening.Apply(image, originalShim);
        if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(image)) return target;

        string temporary = Path.Combine(folder, $".{Path.GetFileName(originalShim)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(temporary, image);
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Could not write the patched copy of {originalShim} to {folder}: {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        return target;
    }
}
