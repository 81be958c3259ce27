namespace RnnLab.Plots.Tests;

/// <summary>
/// Byte-for-byte comparison with the committed SVGs in Golden/. To accept intended changes run
/// <c>UPDATE_GOLDEN=1 dotnet test tests/RnnLab.Plots.Tests</c> and review the diff in git.
/// </summary>
public class GoldenSvgTests
{
    public static TheoryData<string> Names() => [.. SampleCharts.All().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Svg_MatchesGolden(string name)
    {
        string actual = SampleCharts.All().Single(s => s.Name == name).Chart.ToSvg();
        string path = Path.Combine(TestPaths.GoldenDirectory, name + ".svg");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(TestPaths.GoldenDirectory);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No golden {path}. Create it with: UPDATE_GOLDEN=1 dotnet test tests/RnnLab.Plots.Tests");
        string expected = File.ReadAllText(path);
        if (expected == actual) return;

        string actualPath = Path.Combine(Path.GetTempPath(), $"rnnlab-plots-{name}.actual.svg");
        File.WriteAllText(actualPath, actual);
        Assert.Fail($"{name}.svg differs from its golden at {FirstDifference(expected, actual)}. "
            + $"Actual written to {actualPath}; compare with: diff {path} {actualPath}. "
            + "If the change is intended: UPDATE_GOLDEN=1 dotnet test tests/RnnLab.Plots.Tests");
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n'), a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end of file>", al = i < a.Length ? a[i] : "<end of file>";
            if (el != al) return $"line {i + 1}:\n  golden: {Clip(el)}\n  actual: {Clip(al)}\n";
        }
        return "the end of the file";
    }

    private static string Clip(string line) => line.Length <= 200 ? line : line[..200] + "…";
}
