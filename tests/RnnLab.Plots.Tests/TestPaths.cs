using System.Runtime.CompilerServices;

namespace RnnLab.Plots.Tests;

/// <summary>Where this test project's sources (and its Golden folder) live.</summary>
public static class TestPaths
{
    public static string ProjectDirectory => Path.GetDirectoryName(ThisFile())!;

    public static string GoldenDirectory => Path.Combine(ProjectDirectory, "Golden");

    /// <summary>Goldens of the Plotly.NET figure fixtures.</summary>
    public static string FigureGoldenDirectory => Path.Combine(GoldenDirectory, "figures");

    /// <summary>The checked-in Plotly.NET figures (tests/fixtures/plotly/figures/*.json).</summary>
    public static string FigureFixtureDirectory => Path.GetFullPath(Path.Combine(ProjectDirectory, "..", "fixtures", "plotly", "figures"));

    /// <summary>plotly.js from the test-only npm install in PlotlyJs/ (npm ci --prefix tests/RnnLab.Plots.Tests/PlotlyJs).</summary>
    public static string PlotlyJs => Path.Combine(ProjectDirectory, "PlotlyJs", "node_modules", "plotly.js-dist-min", "plotly.min.js");

    /// <summary>A fresh, empty temp directory for one test's files.</summary>
    public static string NewTempDirectory(string purpose)
    {
        string path = Path.Combine(Path.GetTempPath(), $"rnnlab-plots-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
