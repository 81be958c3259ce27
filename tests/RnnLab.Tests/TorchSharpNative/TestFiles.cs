using System.Text.Json;

namespace RnnLab.Tests.TorchSharpNative;

/// <summary>Paths the native-loading tests read: the restored TorchSharp package, the repository, PyTorch fixtures.</summary>
internal static class TestFiles
{
    /// <summary>The NuGet global packages folder, as NuGet resolves it.</summary>
    public static string NuGetPackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The restored TorchSharp package folder of the version this test project uses.</summary>
    public static string TorchSharpPackage
    {
        get
        {
            // typeof does not run torch's static initializer, so this loads no native code.
            Version version = typeof(TorchSharp.torch).Assembly.GetName().Version!;
            return Path.Combine(NuGetPackages, "torchsharp", $"{version.Major}.{version.Minor}.{version.Build}");
        }
    }

    /// <summary>TorchSharp's Linux shim in the NuGet folder. Read it, never write it.</summary>
    public static string PackagedShim => Path.Combine(TorchSharpPackage, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    /// <summary>The folder holding Notebooks.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Notebooks.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Notebooks.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The randn cases of tests/fixtures/rng/normal.json (made by generate_rng.py with PyTorch): name, seed, shape, values.</summary>
    public static IEnumerable<(string Name, long Seed, long[] Shape, float[] Expected)> PyTorchRandnCases()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "tests", "fixtures", "rng", "normal.json")));
        foreach (var c in json.RootElement.GetProperty("cases").EnumerateObject())
        {
            if (c.Value.GetProperty("op").GetString() != "randn" || c.Value.TryGetProperty("reseed_after_one", out _)) continue;
            yield return (c.Name,
                          c.Value.GetProperty("seed").GetInt64(),
                          c.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray(),
                          c.Value.GetProperty("expected").GetProperty("data").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray());
        }
    }

    /// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("rnnlab-native-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
