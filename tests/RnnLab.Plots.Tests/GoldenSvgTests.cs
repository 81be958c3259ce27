namespace RnnLab.Plots.Tests;

/// <summary>
/// Goldens: the Plotly.NET figure fixtures (Golden/figures/, also written by the fixture
/// generator) and the old chart API's samples (Golden/). To accept intended changes run
/// <c>UPDATE_GOLDEN=1 dotnet test tests/RnnLab.Plots.Tests</c> and review the diff in git.
/// </summary>
public class GoldenSvgTests
{
    public static TheoryData<string> Names() => [.. SampleCharts.All().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(FigureFixtures.All), MemberType = typeof(FigureFixtures))]
    public void FigureSvg_MatchesGolden(string name) =>
        GoldenFile.Check(Path.Combine(TestPaths.FigureGoldenDirectory, name + ".svg"), PlotlyFigureDisplay.ToSvg(FigureFixtures.Json(name)));

    [Theory]
    [MemberData(nameof(Names))]
    public void ChartApiSvg_MatchesGolden(string name) =>
        GoldenFile.Check(Path.Combine(TestPaths.GoldenDirectory, name + ".svg"), SampleCharts.All().Single(s => s.Name == name).Chart.ToSvg());

    [Fact]
    public void EveryFixture_HasAGolden_AndEveryGolden_AFixture()
    {
        var fixtures = Directory.GetFiles(TestPaths.FigureFixtureDirectory, "*.json").Select(Path.GetFileNameWithoutExtension).Order();
        var goldens = Directory.GetFiles(TestPaths.FigureGoldenDirectory, "*.svg").Select(Path.GetFileNameWithoutExtension).Order();
        Assert.Equal(fixtures, goldens);
        Assert.Equal(FigureFixtures.Names.Order(), fixtures);
    }
}
