namespace RnnLab.TorchSharpNative;

/// <summary>What <see cref="LibTorchSharpPreloader.Preload"/> did.</summary>
internal enum PreloadOutcome
{
    /// <summary>Not Linux, or no libLibTorchSharp.so in the given directories: nothing was loaded.</summary>
    NothingToDo,
    /// <summary>This call loaded libtorch and the shim.</summary>
    Preloaded,
    /// <summary>An earlier call in this process (possibly from another assembly) loaded the same files.</summary>
    AlreadyPreloaded,
}

/// <param name="LoadedFiles">Full paths in load order: libc10.so, libtorch_cpu.so, libtorch.so, then the shim
/// as loaded (the patched copy when <paramref name="UsedPatchedCopy"/>); empty for NothingToDo.</param>
/// <param name="OriginalShim">The libLibTorchSharp.so TorchSharp ships, or null for NothingToDo.</param>
/// <param name="Summary">One line for logs and notebooks.</param>
internal sealed record PreloadResult(PreloadOutcome Outcome, IReadOnlyList<string> LoadedFiles, string? OriginalShim, bool UsedPatchedCopy, string Summary)
{
    public static PreloadResult NothingToDo(string reason) => new(PreloadOutcome.NothingToDo, [], null, false, "TorchSharp natives: nothing to do, " + reason);

    public static PreloadResult Loaded(PreloadOutcome outcome, TorchSharpNativeFiles files, string loadedShim)
    {
        bool patched = loadedShim != files.Shim;
        string shim = patched ? $"a patched copy of {files.Shim} ({loadedShim}), as this libstdc++ lacks {GlibcxxWeakening.VersionName}" : files.Shim;
        string verb = outcome == PreloadOutcome.AlreadyPreloaded ? "already preloaded" : "preloaded";
        return new(outcome, [.. files.LibTorchInLoadOrder, loadedShim], files.Shim, patched,
                   $"TorchSharp natives: {verb} libtorch from {Path.GetDirectoryName(files.TorchCpu)} and {shim}");
    }
}
