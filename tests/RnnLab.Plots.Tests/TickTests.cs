using RnnLab.Plots.Svg;

namespace RnnLab.Plots.Tests;

public class TickTests
{
    private static string[] Labels(TickSet ticks) => [.. ticks.Labels.Select(l => l.ToString())];

    [Theory]
    [InlineData(0, 10, 5, 2)]
    [InlineData(0, 1, 5, 0.2)]
    [InlineData(0.00012, 0.00019, 5, 0.00002)]
    [InlineData(-3, 1e6, 5, 500_000)]
    [InlineData(-3, 1e6, 6, 200_000)]
    [InlineData(0, 7, 5, 2)]
    [InlineData(0, 0.3, 6, 0.05)]
    public void Step_IsOneTwoOrFiveTimesAPowerOfTen(double min, double max, int maxCount, double expected) =>
        Assert.Equal(expected, NiceTicks.Step(max - min, maxCount), 12);

    [Fact]
    public void TinyRange_GetsEnoughDecimals()
    {
        var ticks = NiceTicks.Linear(0.00012, 0.00019, 5);
        Assert.Equal(["0.00012", "0.00014", "0.00016", "0.00018"], Labels(ticks));
    }

    [Fact]
    public void HugeRange_UsesSiSuffixesAndIncludesZero()
    {
        var ticks = NiceTicks.Linear(-3, 1e6, 6);
        Assert.Equal(["0", "200k", "400k", "600k", "800k", "1M"], Labels(ticks));
    }

    [Fact]
    public void TickValues_HaveNoFloatingPointNoise()
    {
        var ticks = NiceTicks.Linear(0, 0.3, 3);
        Assert.Equal([0, 0.1, 0.2, 0.3], ticks.Positions);
        Assert.Equal(["0", "0.1", "0.2", "0.3"], Labels(ticks));
    }

    [Fact]
    public void NegativeTicks_HaveNoMinusZero()
    {
        var ticks = NiceTicks.Linear(-1, 1, 4);
        Assert.Equal(["-1", "-0.5", "0", "0.5", "1"], Labels(ticks));
    }

    [Fact]
    public void LogAxis_TicksEveryDecade()
    {
        var ticks = LogTicks.Create(-3, 2, 10, 400);
        Assert.Equal([-3, -2, -1, 0, 1, 2], ticks.Positions);
        Assert.Equal(["0.001", "0.01", "0.1", "1", "10", "100"], Labels(ticks));
        Assert.Equal(8 * 5, ticks.MinorPositions.Length);
    }

    [Fact]
    public void LogAxis_ManyDecades_TakesEveryKthDecade_WithExponentLabels()
    {
        var ticks = LogTicks.Create(-12, 0, 4, 300);
        // 13 decades, at most 4 intervals: every 4th decade, aligned on 10^0.
        Assert.Equal([-12, -8, -4, 0], ticks.Positions);
        Assert.Equal(["10^−12", "10^−8", "10^−4", "1"], Labels(ticks));
        Assert.Empty(ticks.MinorPositions);
    }

    [Fact]
    public void LogAxis_NarrowRange_UsesOneTwoFive()
    {
        var ticks = LogTicks.Create(Math.Log10(1.5), Math.Log10(30), 5, 300);
        Assert.Equal(["2", "5", "10", "20"], Labels(ticks));
    }

    [Fact]
    public void LogAxis_WithinAFactorOfTwo_FallsBackToLinearValues()
    {
        var ticks = LogTicks.Create(Math.Log10(3), Math.Log10(4), 4, 300);
        Assert.Equal(["3", "3.5", "4"], Labels(ticks));
    }

    [Fact]
    public void ChartWithAwkwardRange_ShowsSensibleLabels()
    {
        var doc = System.Xml.Linq.XDocument.Parse(SampleCharts.Awkward().ToSvg());
        var texts = doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("0.00015", texts);
        Assert.DoesNotContain(texts, t => t.Contains("E-", StringComparison.OrdinalIgnoreCase));
    }
}
