namespace RnnLab.Plots.Tests;

public class SmokeTests
{
    [Fact]
    public void WritesSamples()
    {
        Directory.CreateDirectory("/tmp/plots");
        foreach (var (name, chart) in SampleCharts.All()) chart.SaveSvg($"/tmp/plots/{name}.svg");
    }
}
