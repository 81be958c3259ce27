using System.Runtime.CompilerServices;

namespace RnnLab.Plots.Tests;

/// <summary>Where this test project's sources (and its Golden folder) live.</summary>
public static class TestPaths
{
    public static string ProjectDirectory => Path.GetDirectoryName(ThisFile())!;

    public static string GoldenDirectory => Path.Combine(ProjectDirectory, "Golden");

    /// <summary>A fresh, empty temp directory for one test's files.</summary>
    public static string NewTempDirectory(string purpose)
    {
        string path = Path.Combine(Path.GetTempPath(), $"rnnlab-plots-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
