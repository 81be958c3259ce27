using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RnnLab.Plots.Tests;

public partial class MimeBundleTests
{
    [GeneratedRegex("^<img src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\" alt=\"([^\"]*)\" width=\"700\" height=\"450\" style=\"max-width:100%;height:auto\">$")]
    private static partial Regex ImgTag();

    [Fact]
    public void Bundle_HasPlainHtmlImgAndSvg_ButNoPlotlyByDefault()
    {
        var chart = SampleCharts.LossCurve();
        var bundle = chart.ToMimeBundle();
        Assert.Equal(["text/plain", "text/html", "image/svg+xml"], bundle.Keys);
        Assert.Equal("Chart: \"Loss\" — 2 traces (line \"train\", 100 points; line \"validation\", 100 points)", bundle["text/plain"]);
        var match = ImgTag().Match(bundle["text/html"]);
        Assert.True(match.Success, bundle["text/html"][..120]);
        Assert.Equal(bundle["image/svg+xml"], Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups[1].Value)));
        XDocument.Parse(bundle["image/svg+xml"]);
        string alt = match.Groups[2].Value;
        Assert.Contains("Chart &quot;Loss&quot;", alt, StringComparison.Ordinal);
        Assert.Contains("validation", alt, StringComparison.Ordinal);
        Assert.Contains("X axis: epoch", alt, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundle_NeverReferencesScriptsOrTheNetwork()
    {
        foreach (var (_, chart) in SampleCharts.All())
            foreach (string value in chart.WithPlotlyJson().ToMimeBundle().Values)
            {
                Assert.DoesNotContain("<script", value, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("require", value, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("cdn", value, StringComparison.OrdinalIgnoreCase);
            }
    }

    [Fact]
    public void PlotlyJson_IsOptIn_PerChartOrByDefault()
    {
        var chart = SampleCharts.LossCurve();
        Assert.Equal(chart.ToJson(), chart.WithPlotlyJson().ToMimeBundle()["application/vnd.plotly.v1+json"]);
        Assert.False(chart.WithPlotlyJson().WithPlotlyJson(false).ToMimeBundle().ContainsKey("application/vnd.plotly.v1+json"));
    }

    [Fact]
    public void Summary_ForGridAndHeatmap()
    {
        Assert.Equal("Chart: \"Hidden state\" — 1 trace (heatmap, 8x12 cells)", SampleCharts.HiddenState().ToString());
        Assert.StartsWith("Chart: \"Training overview\" — 2x2 grid, 5 traces (", SampleCharts.Subplots().ToString(), StringComparison.Ordinal);
        Assert.Equal("Chart: untitled — 1 trace (markers, 1 point)", Chart.Point(new[] { 1 }, new[] { 2 }).ToString());
    }

    [Fact]
    public void SaveSvgAndSaveHtml_WriteStandaloneFiles()
    {
        string dir = TestPaths.NewTempDirectory("save");
        var chart = SampleCharts.SinCos();
        chart.SaveSvg(Path.Combine(dir, "c.svg"));
        chart.SaveHtml(Path.Combine(dir, "c.html"));
        Assert.Equal(chart.ToSvg(), File.ReadAllText(Path.Combine(dir, "c.svg")));
        string html = File.ReadAllText(Path.Combine(dir, "c.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }
}
