namespace RnnLab.Kernel.Directives;

/// <summary>
/// The per-user cache of restored packages and built projects: $RNNLAB_KERNEL_CACHE, else
/// $XDG_CACHE_HOME/rnnlab-kernel, else ~/.cache/rnnlab-kernel (LocalApplicationData on Windows).
/// </summary>
public static class KernelCache
{
    public static string DefaultRoot()
    {
        string? explicitRoot = Environment.GetEnvironmentVariable("RNNLAB_KERNEL_CACHE");
        if (!string.IsNullOrEmpty(explicitRoot)) return Path.GetFullPath(explicitRoot);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "rnnlab-kernel");
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string baseDir = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(baseDir, "rnnlab-kernel");
    }
}
