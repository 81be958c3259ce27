using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RnnLab.Plots.Tests;

/// <summary>The display bundle of a figure (DESIGN §4) and its compact Plotly payload.</summary>
public partial class FigureDisplayTests
{
    [GeneratedRegex("^<img src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\" alt=\"([^\"]*)\" width=\"600\" height=\"600\" style=\"max-width:100%;height:auto\">$")]
    private static partial Regex ImgTag();

    [Fact]
    public void Bundle_HasSummaryImgSvgAndPlotlyJson()
    {
        var bundle = PlotlyFigureDisplay.ToMimeBundle(FigureFixtures.Json("line-markers"));
        Assert.Equal(["text/plain", "text/html", "image/svg+xml", "application/vnd.plotly.v1+json"], bundle.Keys);
        Assert.Equal("Chart: \"Loss per epoch\" — 2 traces (line \"train\", 30 points; line+markers \"validation\", 30 points)", bundle["text/plain"]);
        var img = ImgTag().Match(bundle["text/html"]);
        Assert.True(img.Success, bundle["text/html"][..120]);
        Assert.Equal(bundle["image/svg+xml"], Encoding.UTF8.GetString(Convert.FromBase64String(img.Groups[1].Value)));
        Assert.Equal("Chart &quot;Loss per epoch&quot;: line &quot;train&quot; (30 points); line+markers &quot;validation&quot; (30 points). X axis: epoch. Y axis: loss.",
            img.Groups[2].Value);
        using var payload = JsonDocument.Parse(bundle["application/vnd.plotly.v1+json"]);
        Assert.Equal(2, payload.RootElement.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public void Summary_NamesGridsHeatmapsAndLogAxes()
    {
        Assert.Equal("Chart: \"Four panels\" — 2x2 grid, 4 traces (line \"loss\", 50 points; bar \"params\", 3 points; markers \"sin\", 50 points; line \"grad norm\", 50 points)",
            PlotlyFigureDisplay.Summary(FigureFixtures.Json("grid-2x2")));
        Assert.Equal("Chart: \"Hidden state\" — 1 trace (heatmap, 8x12 cells)", PlotlyFigureDisplay.Summary(FigureFixtures.Json("heatmap")));
        Assert.Contains("Y axis: loss (log scale).", PlotlyFigureDisplay.ToMimeBundle(FigureFixtures.Json("log-y"))["text/html"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FigureFixtures.All), MemberType = typeof(FigureFixtures))]
    public void Bundle_NeverHasScriptsCdnsRequireJsOrRandomIds(string name)
    {
        foreach (string value in PlotlyFigureDisplay.ToMimeBundle(FigureFixtures.Json(name)).Values)
        {
            Assert.DoesNotContain("<script", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("require", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("cdn.", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http://", value.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}", value);
        }
    }

    [Theory]
    [MemberData(nameof(FigureFixtures.All), MemberType = typeof(FigureFixtures))]
    public void CompactJson_DropsMostOfTheTemplate_ButDrawsTheSame(string name)
    {
        string original = FigureFixtures.Json(name);
        string compact = PlotlyFigureDisplay.ToCompactJson(original);
        // Plotly.NET's template is ~9 KB; what this figure's look needs is about 1-2 KB of it.
        Assert.True(original.Length - compact.Length > 7_000, $"{name}: {original.Length} -> {compact.Length}");
        Assert.Equal(PlotlyFigureDisplay.ToSvg(original), PlotlyFigureDisplay.ToSvg(compact));
        using var json = JsonDocument.Parse(compact);
        var template = json.RootElement.GetProperty("layout").GetProperty("template");
        var layout = template.GetProperty("layout");
        foreach (string kept in new[] { "colorway", "font", "paper_bgcolor", "plot_bgcolor", "xaxis", "yaxis" })
            Assert.True(layout.TryGetProperty(kept, out _), $"{name}: template.layout.{kept} dropped");
        foreach (string dropped in new[] { "geo", "mapbox", "polar", "scene", "ternary", "hoverlabel" })
            Assert.False(layout.TryGetProperty(dropped, out _), $"{name}: template.layout.{dropped} kept");
        var types = json.RootElement.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("type").GetString()).ToHashSet();
        Assert.Equal(types.Order(), template.GetProperty("data").EnumerateObject().Select(p => p.Name).Order());
        Assert.False(json.RootElement.TryGetProperty("frames", out _));
    }

    [Fact]
    public void CompactJson_KeepsDataAsWritten()
    {
        string compact = PlotlyFigureDisplay.ToCompactJson(FigureFixtures.Json("nan-inf"));
        Assert.Contains("[1.0,2.0,\"NaN\",4.0,5.0,\"Infinity\",3.0,2.0,\"-Infinity\",1.0,2.0]", compact, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", compact, StringComparison.Ordinal);
    }
}
