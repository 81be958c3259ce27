using System.Xml.Linq;

namespace RnnLab.Plots.Tests;

public class SvgStructureTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Parse(GenericChart chart) => XDocument.Parse(chart.ToSvg());

    private static List<string> Texts(XDocument doc) =>
        [.. doc.Descendants(Svg + "text").Select(t => t.Value)];

    public static TheoryData<string> Names() => [.. SampleCharts.All().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void EverySample_IsWellFormedSvgWithoutCssOrScripts(string name)
    {
        var chart = SampleCharts.All().Single(s => s.Name == name).Chart;
        var doc = Parse(chart);
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "style" or "script" or "foreignObject");
        Assert.DoesNotContain(doc.Descendants().Attributes(), a => a.Name.LocalName is "style" or "class" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.Equal(chart.ToMimeBundle()["text/html"].Split("alt=\"")[1].Split('"')[0].Replace("&quot;", "\"", StringComparison.Ordinal),
            doc.Root.Element(Svg + "title")!.Value);
        Assert.EndsWith("sans-serif", doc.Root.Attribute("font-family")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void SameFigure_GivesIdenticalBytes_AndDifferentFiguresGetDifferentIds()
    {
        Assert.Equal(SampleCharts.LossCurve().ToSvg(), SampleCharts.LossCurve().ToSvg());
        string IdOf(GenericChart c) => Parse(c).Descendants(Svg + "clipPath").First().Attribute("id")!.Value;
        Assert.NotEqual(IdOf(SampleCharts.LossCurve()), IdOf(SampleCharts.LogLoss()));
    }

    [Fact]
    public void Legend_ListsEachTraceOnce_WhenMoreThanOneTrace()
    {
        var texts = Texts(Parse(SampleCharts.SinCos()));
        Assert.Single(texts, "sin");
        Assert.Single(texts, "cos");
        Assert.Single(texts, "prediction");
    }

    [Fact]
    public void Legend_HiddenForOneTrace_UnlessAskedFor()
    {
        var single = Chart.Line(new[] { 1, 2, 3 }, new[] { 1, 4, 9 }, Name: "squares");
        Assert.DoesNotContain("squares", Texts(Parse(single)));
        Assert.Contains("squares", Texts(Parse(single.WithLegend(true))));
        Assert.DoesNotContain("train", Texts(Parse(SampleCharts.LossCurve().WithLegend(false))));
    }

    [Fact]
    public void Legend_WithMoreTracesThanRoom_SaysHowManyAreLeftOut()
    {
        var chart = Chart.Combine(Enumerable.Range(0, 40).Select(i => Chart.Line(new[] { 0, 1 }, new[] { i, i + 1 }, Name: $"unit {i}")));
        var texts = Texts(Parse(chart));
        // The plot is 270 px tall (450 less plotly.js's 100 + 80 px margins), 19 px a row: the
        // names shown plus the "more" row fill it, and names plus the count make 40.
        int shown = texts.Count(t => t.StartsWith("unit ", StringComparison.Ordinal));
        Assert.InRange(shown, 10, 13);
        Assert.Contains($"… {40 - shown} more", texts);
        Assert.Contains($"unit {shown - 1}", texts);
    }

    [Fact]
    public void TitleAndAxisTitles_AreDrawn()
    {
        var texts = Texts(Parse(SampleCharts.LossCurve()));
        Assert.Contains("Loss", texts);
        Assert.Contains("epoch", texts);
        Assert.Contains("loss", texts);
    }

    [Fact]
    public void NaNAndInfinity_SplitTheLine_AndAreNoted()
    {
        var doc = Parse(SampleCharts.WithGaps());
        // y = 1 2 NaN 4 5 inf 3 2 NaN 1 2: four runs of finite points.
        Assert.Equal(4, doc.Descendants(Svg + "polyline").Count());
        Assert.Contains(Texts(doc), t => t.Contains("3 NaN/infinite points not drawn (gaps in the line)", StringComparison.Ordinal));
    }

    [Fact]
    public void LonePointBetweenGaps_IsStillVisible()
    {
        var doc = Parse(Chart.Line(new[] { 0, 1, 2 }, new[] { double.NaN, 3, double.NaN }));
        Assert.Single(doc.Descendants(Svg + "circle"));
    }

    [Fact]
    public void SinglePoint_AndAllEqualValues_GetAWindowAroundThem()
    {
        var texts = Texts(Parse(Chart.Point(new[] { 5.0 }, new[] { 5.0 })));
        Assert.Contains("5", texts);
        var flat = Texts(Parse(Chart.Line(new[] { 0, 1, 2 }, new[] { 2.5, 2.5, 2.5 })));
        Assert.Contains("2.5", flat);
        Assert.True(flat.Count(t => t.Length > 0) >= 4);
    }

    [Fact]
    public void LogAxis_HidesNonPositiveValues_WithANote()
    {
        var chart = Chart.Line(new[] { 0, 1, 2, 3 }, new[] { -1.0, 0.0, 10, 100 }).WithYAxisStyle(AxisType: AxisType.Log);
        Assert.Contains(Texts(Parse(chart)), t => t.Contains("y axis: 2 values ≤ 0 not shown on the log scale", StringComparison.Ordinal));
    }

    [Fact]
    public void Heatmap_HasColourBarWithTicks_AndNoLegend()
    {
        var doc = Parse(SampleCharts.HiddenState());
        var texts = Texts(doc);
        Assert.Contains("0.5", texts);
        Assert.Contains("−0.5", texts);
        // The background, 8x12 cells and the colour bar (one gradient-filled rect); no legend swatches.
        Assert.Equal(1 + 96 + 1, doc.Descendants(Svg + "rect").Count(r => r.Parent!.Name.LocalName != "clipPath"));
        Assert.Single(doc.Descendants(Svg + "linearGradient"));
        var noBar = Parse(Chart.Heatmap(new[] { new[] { 1.0, 2 }, new[] { 3.0, 4 } }, ShowScale: false));
        Assert.Equal(1 + 4, noBar.Descendants(Svg + "rect").Count(r => r.Parent!.Name.LocalName != "clipPath"));
    }

    [Fact]
    public void Heatmap_NaNCells_AreBlankAndNoted()
    {
        var doc = Parse(Chart.Heatmap(new[] { new[] { 1.0, double.NaN }, new[] { 3.0, 4 } }));
        Assert.Contains(Texts(doc), t => t.Contains("1 NaN/infinite cell left blank", StringComparison.Ordinal));
    }

    [Fact]
    public void Grid_DrawsOneClippedAreaPerCell_WithSubplotTitles()
    {
        var doc = Parse(SampleCharts.Subplots());
        Assert.Equal(4, doc.Descendants(Svg + "clipPath").Count());
        var texts = Texts(doc);
        foreach (string title in new[] { "Training overview", "loss", "hidden state", "next character", "log loss" })
            Assert.Contains(title, texts);
        var clips = doc.Descendants(Svg + "clipPath").Select(c => c.Element(Svg + "rect")!)
            .Select(r => (X: double.Parse(r.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture),
                          Y: double.Parse(r.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        // Row-major: cell 1 right of cell 0, cell 2 below cell 0.
        Assert.True(clips[1].X > clips[0].X && Math.Abs(clips[1].Y - clips[0].Y) < 1);
        Assert.True(clips[2].Y > clips[0].Y && Math.Abs(clips[2].X - clips[0].X) < 1);
    }

    [Fact]
    public void LongLine_IsDecimatedPerPixelColumn_KeepingItsExtremes()
    {
        var x = SampleCharts.Range(10_000);
        var y = x.Select(i => i == 5_000 ? 100.0 : Math.Sin(i / 100.0)).ToArray();
        var doc = Parse(Chart.Line(x, y));
        var points = doc.Descendants(Svg + "polyline").Single().Attribute("points")!.Value.Split(' ');
        Assert.InRange(points.Length, 100, 4 * 700);
        // The single spike survives: the sine fills the bottom of the plot, the spike reaches its top.
        var clip = doc.Descendants(Svg + "clipPath").Single().Element(Svg + "rect")!;
        double top = double.Parse(clip.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        double height = double.Parse(clip.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var ys = points.Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys.Min() < top + 0.1 * height, $"spike lost: min y {ys.Min()}, plot from {top} to {top + height}");
    }

    [Fact]
    public void EmptyData_RendersAxesWithoutFailing()
    {
        var doc = Parse(Chart.Line(Array.Empty<double>(), Array.Empty<double>()).WithTitle("nothing yet"));
        Assert.Contains("nothing yet", Texts(doc));
        Assert.Empty(doc.Descendants(Svg + "polyline"));
    }

    [Fact]
    public void TextIsEscaped()
    {
        var chart = Chart.Line(new[] { 1, 2 }, new[] { 1, 2 }, Name: "a<b & \"c\"").WithLegend(true).WithTitle("x < y");
        var texts = Texts(Parse(chart));
        Assert.Contains("a<b & \"c\"", texts);
        Assert.Contains("x < y", texts);
    }
}
