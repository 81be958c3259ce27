namespace RnnLab.Plots.Tests;

/// <summary>
/// The Plotly.NET figures checked in under tests/fixtures/plotly/figures: what
/// <c>GenericChart.toFigureJson</c> wrote for the charts notebooks draw. Regenerate them (and
/// their goldens) with <c>dotnet run --project tests/fixtures/plotly</c>; the tests only read them.
/// </summary>
public static class FigureFixtures
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "line-markers", "bar", "heatmap", "heatmap-diverging", "grid-2x2", "log-y",
        "category-reversed", "annotations", "shapes", "phase-plane", "nan-inf", "line-10k",
    ];

    public static string Json(string name) => File.ReadAllText(Path.Combine(TestPaths.FigureFixtureDirectory, name + ".json"));

    public static TheoryData<string> All() => [.. Names];
}
