using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RnnLab.TorchSharpNative;

namespace RnnLab;

/// <summary>
/// Makes TorchSharp's native libraries load in a console or test app that references TorchSharp
/// (its build output holds the natives): on Debian 12 / Ubuntu 22.04 through a patched copy of
/// TorchSharp's shim, everywhere without TorchSharp's fallback copy of its natives.
/// Runs by itself when this assembly loads; inside the RnnLab kernel it finds nothing to do,
/// because the kernel preloads from the NuGet folders itself. See src/TorchSharpNative/README.md.
/// </summary>
public static class TorchSharpNatives
{
    /// <summary>Preloads the natives once per process; returns a one-line summary of what was loaded from where.</summary>
    /// <exception cref="InvalidOperationException">They do not load; the message says why.</exception>
    public static string Prepare() =>
        LibTorchSharpPreloader.Preload(NativeDirectories(), PatchedShimCache.DefaultDirectory()).Summary;

    /// <summary>Where .NET itself probes for this app's natives (deps.json), then the app's runtimes/&lt;rid&gt;/native.</summary>
    internal static IReadOnlyList<string> NativeDirectories()
    {
        var directories = ((AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        directories.Add(Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native"));
        return directories;
    }

    // CA2255 warns that module initializers are for app-model code; this is that case: the
    // preload must happen before any code of this library or its caller touches TorchSharp.torch.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void PrepareWhenThisAssemblyLoads() => Prepare();
#pragma warning restore CA2255
}
