using System.Text.Json;

namespace RnnLab.Plots.Tests;

public class PlotlyJsonTests
{
    private static JsonElement Json(GenericChart chart) => JsonDocument.Parse(chart.ToJson()).RootElement;

    [Fact]
    public void Line_UsesPlotlySchemaNames()
    {
        var json = Json(SampleCharts.LossCurve());
        var trace = json.GetProperty("data")[1];
        Assert.Equal("scatter", trace.GetProperty("type").GetString());
        Assert.Equal("lines", trace.GetProperty("mode").GetString());
        Assert.Equal("validation", trace.GetProperty("name").GetString());
        Assert.Equal("dash", trace.GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal("#ff7f0e", trace.GetProperty("line").GetProperty("color").GetString());
        Assert.Equal(100, trace.GetProperty("x").GetArrayLength());
        Assert.Equal("x", trace.GetProperty("xaxis").GetString());
        var layout = json.GetProperty("layout");
        Assert.Equal("Loss", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("epoch", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void NaNAndInfinity_BecomeNull()
    {
        var y = Json(SampleCharts.WithGaps()).GetProperty("data")[0].GetProperty("y");
        Assert.Equal(JsonValueKind.Null, y[2].ValueKind);
        Assert.Equal(JsonValueKind.Null, y[5].ValueKind);
        Assert.Equal(4, y[3].GetDouble());
    }

    [Fact]
    public void LogAxisRange_IsWrittenInLog10Units()
    {
        var axis = Json(Chart.Line(new[] { 1, 2 }, new[] { 1, 100 }).WithYAxisStyle(AxisType: AxisType.Log, MinMax: (0.01, 1000)))
            .GetProperty("layout").GetProperty("yaxis");
        Assert.Equal("log", axis.GetProperty("type").GetString());
        Assert.Equal([-2.0, 3.0], axis.GetProperty("range").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public void Heatmap_HasZColorscaleAndShowscale()
    {
        var trace = Json(SampleCharts.HiddenState()).GetProperty("data")[0];
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        Assert.Equal(8, trace.GetProperty("z").GetArrayLength());
        Assert.Equal(12, trace.GetProperty("z")[0].GetArrayLength());
        Assert.Equal("t0", trace.GetProperty("x")[0].GetString());
        var firstStop = trace.GetProperty("colorscale")[0];
        Assert.Equal(0, firstStop[0].GetDouble());
        Assert.Equal("#050aac", firstStop[1].GetString());
        Assert.True(trace.GetProperty("showscale").GetBoolean());
    }

    [Fact]
    public void Bars_CarryOrientationAndKeys()
    {
        var column = Json(SampleCharts.Probabilities()).GetProperty("data")[0];
        Assert.Equal("bar", column.GetProperty("type").GetString());
        Assert.Equal("v", column.GetProperty("orientation").GetString());
        Assert.Equal("d", column.GetProperty("x")[1].GetString());
        var bar = Json(SampleCharts.HorizontalBars()).GetProperty("data")[0];
        Assert.Equal("h", bar.GetProperty("orientation").GetString());
        Assert.Equal("LSTM", bar.GetProperty("y")[1].GetString());
    }

    [Fact]
    public void Grid_GivesEachCellAxesWithDomainsAndAnchors()
    {
        var json = Json(SampleCharts.Subplots());
        var layout = json.GetProperty("layout");
        Assert.Equal(2, layout.GetProperty("grid").GetProperty("rows").GetInt32());
        Assert.Equal("independent", layout.GetProperty("grid").GetProperty("pattern").GetString());
        var x2 = layout.GetProperty("xaxis2");
        Assert.Equal("y2", x2.GetProperty("anchor").GetString());
        var domain = x2.GetProperty("domain").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        // The heatmap cell's axes end early; its colour bar sits in the room left, right of them.
        Assert.True(domain[0] > 0.5 && domain[1] == 0.9, string.Join(",", domain));
        var colorBar = json.GetProperty("data")[2].GetProperty("colorbar");
        Assert.Equal(0.91, colorBar.GetProperty("x").GetDouble(), 9);
        Assert.Equal(1.0, layout.GetProperty("xaxis4").GetProperty("domain")[1].GetDouble());
        var y3 = layout.GetProperty("yaxis3").GetProperty("domain").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.True(y3[0] == 0 && y3[1] < 0.5);
        Assert.Equal("x4", json.GetProperty("data")[4].GetProperty("xaxis").GetString());
        Assert.Equal(4, layout.GetProperty("annotations").GetArrayLength());
        Assert.Equal("paper", layout.GetProperty("annotations")[0].GetProperty("xref").GetString());
    }

    [Fact]
    public void Json_IsDeterministic() => Assert.Equal(SampleCharts.Subplots().ToJson(), SampleCharts.Subplots().ToJson());
}
