namespace RnnLab.Plots.Tests;

public class PlotsInfoTests
{
    [Fact]
    public void PlotlyMimeType_IsPlotlysRegisteredType() =>
        Assert.Equal("application/vnd.plotly.v1+json", PlotsInfo.PlotlyMimeType);
}
