using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.DotNet.Interactive.Formatting;
using RnnLab.Display;
using RnnLab.Plots;
using PlotlyChart = Plotly.NET.GenericChart;
using PlotlyCSharp = Plotly.NET.CSharp.Chart;

namespace RnnLab.Tests.Display;

/// <summary>A Plotly.NET chart through .NET Interactive's Formatter, once RnnLab has loaded.</summary>
public class ChartDisplayTests
{
    static ChartDisplayTests() => RuntimeHelpers.RunModuleConstructor(typeof(PyTorchStrings).Module.ModuleHandle);

    private static readonly string[] AllMimeTypes = ["application/vnd.plotly.v1+json", "image/svg+xml", "text/html", "text/plain"];

    private static PlotlyChart Loss() => PlotlyCSharp.Line<int, double, string>([0, 1, 2, 3], [1.0, 0.5, 0.3, 0.2], Name: "train");

    [Fact]
    public void PreferredMimeTypes_AreTheFullBundle_ForEveryKindOfChart()
    {
        PlotlyChart single = Loss();
        PlotlyChart combined = PlotlyCSharp.Combine([Loss(), PlotlyCSharp.Point<int, double, string>([0, 3], [1.0, 0.2])]);
        Assert.NotEqual(single.GetType(), combined.GetType());
        foreach (Type type in new[] { typeof(PlotlyChart), single.GetType(), combined.GetType() })
            Assert.Equal(AllMimeTypes, Formatter.GetPreferredMimeTypesFor(type).Order());
    }

    [Fact]
    public void FigureJson_IsPlotlyNetsOwn_WithTheTemplateSerializedOnce()
    {
        PlotlyChart chart = Plotly.NET.Chart.withTitle("a title", null).Invoke(Loss());
        string ours = FigureJson.Of(chart);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(PlotlyChart.toFigureJson(chart)),
            System.Text.Json.Nodes.JsonNode.Parse(ours)), ours);
        Assert.Equal(ours, FigureJson.Of(chart));
    }

    [Fact]
    public void EveryMimeType_IsRnnLabPlotsRenderingOfTheFigureJson()
    {
        PlotlyChart chart = Loss();
        IReadOnlyDictionary<string, string> expected = PlotlyFigureDisplay.ToMimeBundle(PlotlyChart.toFigureJson(chart));
        foreach (string mime in AllMimeTypes)
            Assert.Equal(expected[mime], chart.ToDisplayString(mime));
    }

    [Fact]
    public void Html_IsTheStaticImage_NotPlotlyNetsOwnFormatter()
    {
        string html = Loss().ToDisplayString("text/html");
        Assert.NotEqual("LOL!", html);
        Assert.StartsWith("<img", html);
        Assert.Contains("data:image/svg+xml;base64,", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void PlotlyJson_IsTheFigure()
    {
        using var figure = JsonDocument.Parse(Loss().ToDisplayString("application/vnd.plotly.v1+json"));
        Assert.Equal("train", figure.RootElement.GetProperty("data")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void OneFigure_IsRenderedOnceForAllItsMimeTypes_AndAgainWhenItChanges()
    {
        IReadOnlyDictionary<string, string> first = ChartDisplay.BundleOf(Loss());
        Assert.Same(first, ChartDisplay.BundleOf(Loss()));
        PlotlyChart other = PlotlyCSharp.Line<int, double, string>([0, 1], [2.0, 1.0], Name: "validation");
        Assert.NotSame(first, ChartDisplay.BundleOf(other));
        Assert.Contains("validation", ChartDisplay.BundleOf(other)["image/svg+xml"]);
    }
}
