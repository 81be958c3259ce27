using System.Runtime.InteropServices;

namespace RnnLab.TorchSharpNative;

/// <summary>
/// Loads TorchSharp's native libraries by full path before anything touches TorchSharp.torch,
/// so TorchSharp's own first load step (NativeLibrary.TryLoad of "torch_cpu" and
/// "LibTorchSharp") finds them already loaded by SONAME. Two things depend on that:
/// on a libstdc++ older than GCC 13's the shim loads at all (through a patched copy, see
/// <see cref="ShimSelection"/>), and TorchSharp never falls back to copying ~480 MB of natives
/// into a cpu/ folder next to TorchSharp.dll, which is inside the NuGet global packages folder
/// when a notebook host loads TorchSharp.dll from there. See README.md beside this file.
/// </summary>
internal static class LibTorchSharpPreloader
{
    /// <summary>
    /// AppContext key of the process-wide record of what was preloaded: a string[] of full paths
    /// { libc10.so, libtorch_cpu.so, libtorch.so, original libLibTorchSharp.so, loaded shim or "" }.
    /// Shared through AppContext because each assembly that compiles these files (the kernel,
    /// RnnLab) has its own copy of this class and its statics.
    /// </summary>
    public const string StateKey = "RnnLab.TorchSharpNative.Preloaded";

    // The same interned string in every assembly that compiles this file, so one lock serialises
    // all of their calls: exactly what a lock with a process-wide identity is for here.
    private static readonly object ProcessWideLock = string.Intern(StateKey);

    /// <summary>
    /// Preloads libc10.so, libtorch_cpu.so, libtorch.so and libLibTorchSharp.so (or its patched
    /// copy under <paramref name="patchCacheDirectory"/>) from <paramref name="nativeDirectories"/>.
    /// Idempotent; a no-op off Linux or where the directories hold no libLibTorchSharp.so.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A library does not load, or libtorch was already preloaded from other files (loading a
    /// second libtorch would abort the process).
    /// </exception>
    public static PreloadResult Preload(IReadOnlyList<string> nativeDirectories, string patchCacheDirectory)
    {
        // Off Linux TorchSharp's shim loads as shipped; whether preloading there keeps
        // TorchSharp from making its cpu/ copy is untested, and a wrong guess would load
        // libtorch twice, so we leave those platforms alone (README.md).
        if (!OperatingSystem.IsLinux()) return PreloadResult.NothingToDo("only Linux needs a preload");
        var files = TorchSharpNativeFiles.Find(nativeDirectories);
        if (files is null)
            return PreloadResult.NothingToDo($"no {TorchSharpNativeFiles.ShimFileName} in {string.Join(", ", nativeDirectories)}");

        lock (ProcessWideLock)
        {
            if (AppContext.GetData(StateKey) is string[] state)
            {
                RefuseOtherFiles(state, files);
                if (state[4].Length > 0) return PreloadResult.Loaded(PreloadOutcome.AlreadyPreloaded, files, state[4]);
            }
            else
            {
                // Recorded before loading: once one libtorch file is in the process, no later
                // call may bring another, even if this call fails half way.
                AppContext.SetData(StateKey, new[] { files.C10, files.TorchCpu, files.Torch, files.Shim, "" });
                foreach (string library in files.LibTorchInLoadOrder)
                {
                    if (TryLoad(library) is { } error)
                        throw new InvalidOperationException($"libtorch does not load from {library}:{Environment.NewLine}{error}");
                }
            }
            var shim = ShimSelection.Load(files.Shim, patchCacheDirectory, TryLoad);
            AppContext.SetData(StateKey, new[] { files.C10, files.TorchCpu, files.Torch, files.Shim, shim.Path });
            return PreloadResult.Loaded(PreloadOutcome.Preloaded, files, shim.Path);
        }
    }

    private static void RefuseOtherFiles(string[] state, TorchSharpNativeFiles files)
    {
        string[] asked = [files.C10, files.TorchCpu, files.Torch, files.Shim];
        if (state.Length != 5 || !asked.SequenceEqual(state.Take(4), StringComparer.Ordinal))
            throw new InvalidOperationException(
                $"TorchSharp's natives were already preloaded in this process from {string.Join(", ", state.Take(4))}; " +
                $"refusing to load {string.Join(", ", asked)} as well, because two libtorch builds in one process abort it. " +
                "Use one TorchSharp package version (and one copy of its natives) per process.");
    }

    /// <summary>Null when the library loaded, else the dynamic linker's message.</summary>
    private static string? TryLoad(string path)
    {
        try
        {
            NativeLibrary.Load(path);
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            return e.Message;
        }
    }
}
