using RnnLab.Plots.Svg;

namespace RnnLab.Plots.Tests;

/// <summary>Ticks follow plotly.js's rules, so the static axes read like the interactive ones.</summary>
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
    // plotly.js rounds the rough step up to 2, 5 or 10 times a power of ten, never to 1 times.
    [InlineData(0, 10, 10, 2)]
    public void Step_IsTheRoughStepRoundedUpToTwoFiveOrTen(double min, double max, double count, double expected) =>
        Assert.Equal(expected, NiceTicks.Step(max - min, count), 12);

    [Theory]
    [InlineData(440, true, 6.5)]
    [InlineData(2000, true, 10)]
    [InlineData(100, false, 5)]
    [InlineData(420, false, 10)]
    public void TargetCount_IsOnePer80PixelsAcrossOr40Up_Clamped(double pixels, bool horizontal, double expected) =>
        Assert.Equal(expected, NiceTicks.TargetCount(pixels, horizontal), 12);

    [Fact]
    public void TinyRange_GetsAMicroSuffix_AsPlotlyJsWrites()
    {
        var ticks = NiceTicks.Linear(0.00012, 0.00019, 5);
        Assert.Equal(["120μ", "140μ", "160μ", "180μ"], Labels(ticks));
    }

    [Fact]
    public void HugeRange_SharesOneSuffixAndIncludesZero()
    {
        var ticks = NiceTicks.Linear(-3, 1e6, 6);
        Assert.Equal(["0", "0.2M", "0.4M", "0.6M", "0.8M", "1M"], Labels(ticks));
    }

    [Theory]
    [InlineData(0, 9999, 3)]
    [InlineData(0, 1500, 0)]
    [InlineData(-2e6, 0, 6)]
    [InlineData(0, 0.0002, -6)]
    [InlineData(0, 0.002, 0)]
    public void Exponent_AppliesFromTenThousandAndBelowOneTenThousandth(double low, double high, int expected) =>
        Assert.Equal(expected, TickLabel.Exponent(low, high));

    [Fact]
    public void TickValues_HaveNoFloatingPointNoise()
    {
        // Four intended intervals: rough step 0.075, rounded up to 0.1; 3 × 0.1 must read 0.3.
        var ticks = NiceTicks.Linear(0, 0.3, 4);
        Assert.Equal([0, 0.1, 0.2, 0.3], ticks.Positions);
        Assert.Equal(["0", "0.1", "0.2", "0.3"], Labels(ticks));
    }

    [Fact]
    public void NegativeTicks_UseATrueMinusSign_AndHaveNoMinusZero()
    {
        var ticks = NiceTicks.Linear(-1, 1, 4);
        Assert.Equal(["−1", "−0.5", "0", "0.5", "1"], Labels(ticks));
    }

    [Fact]
    public void LogAxis_FewDecades_LabelsTwoAndFiveBetweenDecades()
    {
        // 5 decades over 10 intended ticks: rough step 0.5 decades, plotly.js's "D2".
        var ticks = LogTicks.Create(-3, 2, 10);
        Assert.Equal(["0.001", "2", "5", "0.01", "2", "5", "0.1", "2", "5", "1", "2", "5", "10", "2", "5", "100"], Labels(ticks));
        Assert.All(ticks.Labels.Where(l => l.Main is "2" or "5"), l => Assert.True(l.Small));
    }

    [Fact]
    public void LogAxis_ManyDecades_TakesEveryKthDecade_WithExponentLabels()
    {
        var ticks = LogTicks.Create(-12, 0, 4);
        // 12 decades over 4 intended ticks: every 3rd decade.
        Assert.Equal([-12, -9, -6, -3, 0], ticks.Positions);
        Assert.Equal(["10^−12", "10^−9", "10^−6", "0.001", "1"], Labels(ticks));
    }

    [Fact]
    public void LogAxis_NarrowRange_LabelsEveryDigit()
    {
        var ticks = LogTicks.Create(Math.Log10(1.5), Math.Log10(30), 5);
        Assert.Equal(["2", "3", "4", "5", "6", "7", "8", "9", "10", "2", "3"], Labels(ticks));
    }

    [Fact]
    public void LogAxis_WithinOneDecade_FallsBackToLinearValues()
    {
        var ticks = LogTicks.Create(Math.Log10(3), Math.Log10(4), 4);
        Assert.Equal(["3", "3.2", "3.4", "3.6", "3.8", "4"], Labels(ticks));
    }

    [Fact]
    public void ChartWithAwkwardRange_ShowsSensibleLabels()
    {
        var doc = System.Xml.Linq.XDocument.Parse(SampleCharts.Awkward().ToSvg());
        var texts = doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("160μ", texts);
        Assert.DoesNotContain(texts, t => t.Contains("E-", StringComparison.OrdinalIgnoreCase));
    }
}
