using RnnLab.Kernel.Directives;

namespace RnnLab.Kernel.Execution;

/// <summary>Where a session resolves relative paths and keeps its caches.</summary>
public sealed record ExecutionSessionOptions
{
    /// <summary>The notebook's folder: #r and #:project paths are relative to it; error text hides it.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Restored packages and built projects (see <see cref="KernelCache"/>).</summary>
    public string CacheRoot { get; init; } = KernelCache.DefaultRoot();

    /// <summary>Prefix for transient display ids; unique per kernel process so restarts never update old outputs.</summary>
    public string DisplayIdPrefix { get; init; } = "d" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
