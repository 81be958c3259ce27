namespace RnnLab.TorchSharpNative;

/// <summary>
/// The four Linux files TorchSharp 0.107 loads, found the way TorchSharp and the dynamic linker
/// find them: libtorch_cpu.so and libLibTorchSharp.so each from the first directory holding it
/// (.NET probes its native search directories in order), libc10.so and libtorch.so from
/// libtorch_cpu.so's own directory (its RUNPATH is $ORIGIN). Preloading any other copy would
/// put two libtorch builds in one process, which aborts it.
/// </summary>
internal sealed record TorchSharpNativeFiles(string C10, string TorchCpu, string Torch, string Shim)
{
    public const string ShimFileName = "libLibTorchSharp.so";
    public const string C10FileName = "libc10.so";
    public const string TorchCpuFileName = "libtorch_cpu.so";
    public const string TorchFileName = "libtorch.so";

    /// <summary>libtorch in dependency order: each file's needs are loaded before it.</summary>
    public IReadOnlyList<string> LibTorchInLoadOrder => [C10, TorchCpu, Torch];

    /// <summary>
    /// The files among <paramref name="directories"/> (full paths), or null when none holds
    /// libLibTorchSharp.so (TorchSharp is not deployed there).
    /// </summary>
    /// <exception cref="InvalidOperationException">The shim is there but libtorch is not complete.</exception>
    public static TorchSharpNativeFiles? Find(IReadOnlyList<string> directories)
    {
        var existing = directories.Where(d => !string.IsNullOrWhiteSpace(d) && Directory.Exists(d)).Select(Path.GetFullPath).ToList();
        string? shim = FirstHolding(existing, ShimFileName);
        if (shim is null) return null;
        string torchCpu = FirstHolding(existing, TorchCpuFileName) ?? throw new InvalidOperationException(
            $"Found {shim} but no {TorchCpuFileName} in any of: {string.Join(", ", directories)}. " +
            "Is the libtorch-cpu package (a dependency of TorchSharp-cpu) restored?");
        string libtorchDirectory = Path.GetDirectoryName(torchCpu)!;
        return new TorchSharpNativeFiles(
            SiblingOf(libtorchDirectory, C10FileName), torchCpu, SiblingOf(libtorchDirectory, TorchFileName), shim);
    }

    private static string? FirstHolding(List<string> directories, string fileName) =>
        directories.Select(d => Path.Combine(d, fileName)).FirstOrDefault(File.Exists);

    private static string SiblingOf(string directory, string fileName)
    {
        string path = Path.Combine(directory, fileName);
        return File.Exists(path) ? path : throw new InvalidOperationException(
            $"{directory} holds {TorchCpuFileName} but not {fileName}; the libtorch files there are incomplete.");
    }
}
