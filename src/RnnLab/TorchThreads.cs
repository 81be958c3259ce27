using System.Globalization;
using System.Runtime.CompilerServices;
using static TorchSharp.torch;

namespace RnnLab;

/// <summary>
/// The notebooks' thread policy: libtorch runs its CPU operators on one thread unless
/// RNNLAB_TORCH_THREADS says otherwise. libtorch would otherwise use one thread per core, and a
/// reduction split over a different number of threads adds its floats in a different order, so
/// the committed digits would depend on the reader's core count. One thread is also the fastest
/// choice for the notebooks' tiny tensors. Applied when this library loads (the first cell's
/// #:project line); see README.md, "Threads and reproducible digits".
/// </summary>
public static class TorchThreads
{
    /// <summary>The environment variable that overrides the thread count (a positive integer), e.g. for CI runs with 2 threads.</summary>
    public const string Variable = "RNNLAB_TORCH_THREADS";

    /// <summary>The thread count when <see cref="Variable"/> is not set.</summary>
    public const int Default = 1;

    /// <summary>The thread count the environment asks for: <see cref="Variable"/>, else <see cref="Default"/>.</summary>
    /// <exception cref="InvalidOperationException">The variable is set to something other than a positive integer.</exception>
    public static int Configured()
    {
        string? text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text)) return Default;
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int threads) && threads > 0
            ? threads
            : throw new InvalidOperationException($"{Variable} must be a positive integer (a thread count), not \"{text}\"");
    }

    /// <summary>Sets libtorch's intra-op thread count to <see cref="Configured"/> and returns it.</summary>
    public static int Apply()
    {
        int threads = Configured();
        set_num_threads(threads);
        return threads;
    }

    // CA2255: app-model set-up, as for the native preload, which must (and here does) come first.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void ApplyWhenThisAssemblyLoads()
    {
        TorchSharpNatives.Prepare();
        Apply();
    }
#pragma warning restore CA2255
}
