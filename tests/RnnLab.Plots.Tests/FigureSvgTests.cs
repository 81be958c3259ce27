using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RnnLab.Plots.Figures;
using RnnLab.Plots.Svg;

namespace RnnLab.Plots.Tests;

/// <summary>
/// What the SVG of each Plotly.NET fixture must show, checked on its structure: the rules of
/// plotly.js (grid domains, log ticks, reversed and category axes, equal aspect, gaps) and the
/// figure's template (colours, background, grid).
/// </summary>
public class FigureSvgTests
{
    private static SvgDocument Render(string name) => new(PlotlyFigureDisplay.ToSvg(FigureFixtures.Json(name)));

    private static SvgDocument Render(JsonNode figure) => new(PlotlyFigureDisplay.ToSvg(figure.ToJsonString()));

    private static JsonNode Fixture(string name) => JsonNode.Parse(FigureFixtures.Json(name))!;

    [Theory]
    [MemberData(nameof(FigureFixtures.All), MemberType = typeof(FigureFixtures))]
    public void EveryFixture_IsPlainSvg_OfPlotlyNetsSize_WithAltTextAsTitle(string name)
    {
        var svg = Render(name);
        Assert.Equal(SvgDocument.Svg + "svg", svg.Xml.Root!.Name);
        // Plotly.NET writes 600 x 600 when the chart sets no size.
        Assert.Equal("600", svg.Xml.Root.Attribute("width")!.Value);
        Assert.Equal("600", svg.Xml.Root.Attribute("height")!.Value);
        Assert.DoesNotContain(svg.Xml.Descendants(), e => e.Name.LocalName is "style" or "script" or "foreignObject" or "image");
        Assert.DoesNotContain(svg.Xml.Descendants().Attributes(), a => a.Name.LocalName is "style" or "class" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.StartsWith("Chart \"", svg.All("title").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_GivesColorwayBackgroundGridAndFont()
    {
        var svg = Render("line-markers");
        Assert.Equal("#2a3f5f", svg.Xml.Root!.Attribute("fill")!.Value);
        var plotBackground = svg.All("rect").Where(r => r.Parent!.Name.LocalName == "svg").ElementAt(1);
        Assert.Equal("#e5ecf6", plotBackground.Attribute("fill")!.Value);
        // Grid lines: white, from the template's xaxis/yaxis gridcolor.
        Assert.Contains(svg.All("path"), p => p.Attribute("stroke")?.Value == "#ffffff" && p.Attribute("d")!.Value.Contains('V'));
        // Trace 0 and 1 take the template's colorway, not plotly.js's default one.
        var lines = svg.All("g").Where(g => g.Attribute("stroke-width")?.Value == "2" && g.Attribute("fill")?.Value == "none").ToList();
        Assert.Equal(["#636efa", "#ef553b"], lines.Select(g => g.Attribute("stroke")!.Value));
    }

    [Fact]
    public void Layout_OverridesTemplate()
    {
        var figure = Fixture("line-markers");
        figure["layout"]!["plot_bgcolor"] = "rgba(255, 250, 240, 1.0)";
        figure["layout"]!["colorway"] = new JsonArray("#000000", "#00aa00");
        var svg = Render(figure);
        Assert.Equal("#fffaf0", svg.All("rect").Where(r => r.Parent!.Name.LocalName == "svg").ElementAt(1).Attribute("fill")!.Value);
        Assert.Contains(svg.All("g"), g => g.Attribute("stroke")?.Value == "#00aa00");
    }

    [Fact]
    public void WithoutTemplateOrSize_PlotlyJsDefaultsApply()
    {
        var svg = new SvgDocument(PlotlyFigureDisplay.ToSvg("""{"data": [{"type": "scatter", "x": [1, 2, 3], "y": [2, 1, 3]}]}"""));
        Assert.Equal(("700", "450"), (svg.Xml.Root!.Attribute("width")!.Value, svg.Xml.Root.Attribute("height")!.Value));
        Assert.Equal("#444444", svg.Xml.Root.Attribute("fill")!.Value);
        Assert.Contains(svg.All("g"), g => g.Attribute("stroke")?.Value == "#1f77b4");
        // plotly.js's margins: 80 px left, 100 px top.
        Assert.Equal((80, 100, 540, 270), svg.PlotAreas().Single());
    }

    [Fact]
    public void Heatmap_HasOneCellPerValue_AndATitledColourBar()
    {
        var svg = Render("heatmap");
        var clipped = svg.All("g").Single(g => g.Attribute("clip-path") is not null);
        Assert.Equal(8 * 12, clipped.Descendants(SvgDocument.Svg + "rect").Count());
        Assert.Contains(svg.Texts(), t => t.Text == "activation");
        var gradient = svg.All("linearGradient").Single();
        // The template's sequential scale (plasma): ten stops from #0d0887 to #f0f921.
        Assert.Equal(10, gradient.Elements().Count());
        Assert.Equal("#0d0887", gradient.Elements().First().Attribute("stop-color")!.Value);
        // The colour bar sits right of the plot, its title above its top end.
        var plot = svg.PlotAreas().Single();
        var title = svg.Where("activation");
        Assert.True(title.X > plot.X + plot.Width && title.Y < plot.Y + 0.1 * plot.Height, $"{title} vs {plot}");
    }

    [Fact]
    public void Heatmap_RowZeroOnTop_WhenYIsReversed()
    {
        var svg = Render("heatmap");
        Assert.True(svg.Where("h0").Y < svg.Where("h7").Y);
        Assert.True(svg.Where("t0").X < svg.Where("t11").X);
    }

    [Fact]
    public void DivergingScale_IsCentredOnZmid()
    {
        // z runs from −0.75 to 2; zmid 0 makes the colour range ±2, so 0 maps to the middle stop.
        var svg = Render("heatmap-diverging");
        var cells = svg.All("g").Single(g => g.Attribute("clip-path") is not null).Descendants(SvgDocument.Svg + "rect").ToList();
        Assert.Equal(36, cells.Count);
        Assert.Equal("#f7f7f7", cells[0].Attribute("fill")!.Value); // z[0][0] = 0, drawn first (bottom left)
        Assert.Equal("#b2182b", cells[5].Attribute("fill")!.Value); // z[0][5] = 2 = zmax
        Assert.Contains(svg.Texts(), t => t.Text == "−2");
        Assert.Contains(svg.Texts(), t => t.Text == "2");
    }

    [Fact]
    public void LogAxis_RangeIsInLog10_WithDecadeAndDigitLabels()
    {
        var svg = Render("log-y");
        var plot = svg.PlotAreas().Single();
        var labels = svg.Texts().Where(t => t.X < plot.X && t.Y > plot.Y - 20 && t.Y < plot.Y + plot.Height + 20).Select(t => t.Text).ToList();
        Assert.Equal(["5", "0.001", "2", "5", "0.01", "2", "5", "0.1", "2", "5", "1", "2", "5", "10", "loss"], labels);
        // range [-3.5, 1]: 10 sits exactly at the top edge, 10^-3.5 at the bottom.
        Assert.Equal(plot.Y, svg.Where("10").Y - 12 * 0.35, 1);
        double perDecade = plot.Height / 4.5;
        Assert.Equal(plot.Y + plot.Height - 0.5 * perDecade, svg.Where("0.001").Y - 12 * 0.35, 1);
    }

    [Fact]
    public void CategoryAxis_InTraceOrder_ReversedPutsTheFirstOnTop()
    {
        var svg = Render("category-reversed");
        double[] ys = [.. new[] { "LSTM", "GRU", "RNN", "MLP" }.Select(c => svg.Where(c).Y)];
        Assert.Equal(ys.Order(), ys);
        // Bars grow from zero at the plot's left edge; no horizontal grid on the bars' category axis.
        var plot = svg.PlotAreas().Single();
        var bars = svg.All("g").Single(g => g.Attribute("clip-path") is not null).Descendants(SvgDocument.Svg + "rect").ToList();
        Assert.Equal(4, bars.Count);
        Assert.All(bars, b => Assert.Equal(plot.X, SvgDocument.Number(b, "x"), 1));
        Assert.DoesNotContain(svg.All("path"), p => p.Attribute("d")!.Value.Contains('H') && p.Attribute("stroke")?.Value == "#ffffff");
    }

    [Fact]
    public void EqualAspect_GivesXAndYTheSamePixelsPerUnit()
    {
        var svg = Render("phase-plane");
        var plot = svg.PlotAreas().Single();
        var xTicks = svg.Texts().Where(t => t.Y > plot.Y + plot.Height).ToDictionary(t => t.Text, t => t.X);
        var yTicks = svg.Texts().Where(t => t.X < plot.X).ToDictionary(t => t.Text, t => t.Y);
        double xPerUnit = (xTicks["1"] - xTicks["−1"]) / 2, yPerUnit = (yTicks["−1"] - yTicks["1"]) / 2;
        Assert.Equal(xPerUnit, yPerUnit, 0.05);
        // The square plot is wider than the data's x extent needs: x's range widened, y's kept.
        Assert.True(plot.Width > 300 && plot.Height > 300);
    }

    [Fact]
    public void Legend_SitsWhereLayoutLegendPutsIt_Horizontally()
    {
        var svg = Render("phase-plane");
        var plot = svg.PlotAreas().Single();
        var truth = svg.Where("truth");
        var prediction = svg.Where("prediction");
        // x = 0.02, y = 0.98, anchored top left, orientation "h": both entries in one row at the plot's top left.
        Assert.Equal(truth.Y, prediction.Y);
        Assert.True(prediction.X > truth.X);
        Assert.InRange(truth.X, plot.X, plot.X + 0.2 * plot.Width);
        Assert.InRange(truth.Y, plot.Y, plot.Y + 0.1 * plot.Height);
    }

    [Fact]
    public void Grid2x2_DomainsAreThoseOfPlotlyJs()
    {
        using var figure = Figure.Parse(FigureFixtures.Json("grid-2x2"));
        var grid = GridDomains.From(figure.Layout)!;
        // Independent pattern, xgap 0.2, ygap 0.3: step 1 / (2 − gap), cell step · (1 − gap).
        (double, double) Domain(char letter, int n) => grid.TryGetDomain(new AxisId(letter, n), out var d) ? d : default;
        AssertDomain((0, 0.4444444444), Domain('x', 1));
        AssertDomain((0.5555555556, 1), Domain('x', 2));
        AssertDomain((0, 0.4444444444), Domain('x', 3));
        AssertDomain((0.5882352941, 1), Domain('y', 1));
        AssertDomain((0.5882352941, 1), Domain('y', 2));
        AssertDomain((0, 0.4117647059), Domain('y', 3));
        AssertDomain((0, 0.4117647059), Domain('y', 4));
        // Plotly.NET's subplot titles sit at those domains' centres and tops, as plotly.js computes them.
        var titles = figure.Layout.Own!.Value.GetProperty("annotations");
        Assert.Equal(0.2222222222, titles[0].GetProperty("x").GetDouble(), 9);
        Assert.Equal(0.4117647059, titles[2].GetProperty("y").GetDouble(), 9);

        // The SVG's plot areas are those fractions of the area inside the margins.
        var areas = new SvgDocument(PlotlyFigureDisplay.ToSvg(FigureFixtures.Json("grid-2x2"))).PlotAreas();
        double left = areas[0].X, right = areas[1].X + areas[1].Width, top = areas[0].Y, bottom = areas[2].Y + areas[2].Height;
        Assert.Equal(0.4444444444, areas[0].Width / (right - left), 3);
        Assert.Equal(0.5555555556, (areas[1].X - left) / (right - left), 3);
        Assert.Equal(0.4117647059, areas[2].Height / (bottom - top), 3);
    }

    private static void AssertDomain((double, double) expected, (double, double) actual)
    {
        Assert.Equal(expected.Item1, actual.Item1, 9);
        Assert.Equal(expected.Item2, actual.Item2, 9);
    }

    [Fact]
    public void NaNAndInfinity_BreakTheLine_AndAreNoted()
    {
        var svg = Render("nan-inf");
        // y = 1 2 NaN 4 5 +∞ 3 2 −∞ 1 2: four runs of drawable points, and 8 of the 11 markers.
        Assert.Equal(4, svg.All("polyline").Count());
        Assert.Equal(8, svg.All("circle").Count(c => c.Parent!.Parent!.Attribute("clip-path") is not null));
        Assert.Contains(svg.Texts(), t => t.Text == "Note: \"line with gaps\": 3 NaN/infinite points not drawn (gaps in the line)");
    }

    [Fact]
    public void Annotations_DrawArrowsToTheirPoints_AndPaperTextWhereAnchored()
    {
        var svg = Render("annotations");
        var plot = svg.PlotAreas().Single();
        var arrows = svg.All("line").ToList();
        Assert.Equal(2, arrows.Count);
        // The peak's arrow points down from its text (ay = 40 px below) to (π/2, 1).
        var peakText = svg.Where("peak");
        var peakArrow = arrows.OrderBy(a => SvgDocument.Number(a, "x1")).First();
        Assert.True(SvgDocument.Number(peakArrow, "y2") < SvgDocument.Number(peakArrow, "y1"));
        Assert.True(peakText.Y > SvgDocument.Number(peakArrow, "y1"));
        // Arrowheads in the template's annotationdefaults arrowcolor.
        Assert.Equal(2, svg.All("path").Count(p => p.Attribute("d")!.Value.EndsWith('Z') && p.Attribute("fill")?.Value == "#2a3f5f"));
        // "one period": paper (1, 0), anchored right/bottom: its box ends at the plot's right edge
        // (the text is centred in a box as wide as the text plus 1 px padding each side) and sits on the bottom.
        var note = svg.Where("one period");
        double halfBox = TextMetrics.Width("one period", 12) / 2 + 1;
        Assert.Equal(plot.X + plot.Width - halfBox, note.X, 2);
        Assert.InRange(note.Y, plot.Y + plot.Height - 16, plot.Y + plot.Height);
    }

    [Fact]
    public void Shapes_LineRectCircleAndPath_InTheirLayers()
    {
        var svg = Render("shapes");
        var plot = svg.PlotAreas().Single();
        var elements = svg.Xml.Root!.Elements().ToList();
        int RankOf(Func<System.Xml.Linq.XElement, bool> match) => elements.FindIndex(e => match(e));
        // The rectangle is layer "below": drawn before the grid; the others above the data.
        int rect = RankOf(e => e.Name.LocalName == "g" && e.Elements().Any(c => c.Name.LocalName == "rect"));
        int grid = RankOf(e => e.Name.LocalName == "path" && e.Attribute("stroke")?.Value == "#ffffff");
        int data = RankOf(e => e.Attribute("clip-path")?.Value.Contains("clip0", StringComparison.Ordinal) == true && e.Name.LocalName == "g" && e.Descendants().Any(d => d.Name.LocalName == "circle"));
        int circle = RankOf(e => e.Descendants().Any(d => d.Name.LocalName == "ellipse"));
        Assert.True(rect < grid && grid < data && data < circle, $"{rect} {grid} {data} {circle}");
        // The paper-wide dashed line spans the plot's width at y = 0.5.
        var line = svg.All("line").Single();
        Assert.Equal(plot.X, SvgDocument.Number(line, "x1"), 1);
        Assert.Equal(plot.X + plot.Width, SvgDocument.Number(line, "x2"), 1);
        Assert.NotNull(line.Attribute("stroke-dasharray"));
        Assert.Single(svg.All("path"), p => p.Attribute("fill")?.Value == "#9467bd" && p.Attribute("d")!.Value.Count(c => c == 'L') == 2);
    }

    [Fact]
    public void TenThousandPoints_AreThinnedPerPixelColumn()
    {
        string text = PlotlyFigureDisplay.ToSvg(FigureFixtures.Json("line-10k"));
        var svg = new SvgDocument(text);
        var plot = svg.PlotAreas().Single();
        int points = svg.All("polyline").Single().Attribute("points")!.Value.Split(' ').Length;
        Assert.InRange(points, (int)plot.Width, (int)(4 * plot.Width) + 4);
        Assert.True(text.Length < 40_000, $"{text.Length} characters");
    }

    [Fact]
    public void UnsupportedTraceType_IsNotedInThePicture_NotThrown()
    {
        var svg = new SvgDocument(PlotlyFigureDisplay.ToSvg(
            """{"data": [{"type": "pie", "values": [1, 2]}, {"type": "scatter", "y": [1, 3, 2], "fill": "tozeroy"}], "layout": {"updatemenus": [{}], "sliders": [{"steps": [1]}]}}"""));
        Assert.Contains(svg.Texts(), t => t.Text == "Note: trace 0 (pie) not drawn: pie traces are not supported");
        Assert.Single(svg.All("polyline"));
        string comment = svg.Xml.DescendantNodes().OfType<System.Xml.Linq.XComment>().Single().Value;
        Assert.Contains("data[1].fill", comment, StringComparison.Ordinal);
        Assert.Contains("layout.sliders", comment, StringComparison.Ordinal);
        // An empty array sets nothing, so it is not reported.
        Assert.DoesNotContain("updatemenus", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void TypedArrayData_IsNotedAsNotDrawn()
    {
        var svg = new SvgDocument(PlotlyFigureDisplay.ToSvg(
            """{"data": [{"type": "scatter", "x": {"dtype": "f8", "bdata": "AAAAAAAA8D8="}, "y": {"dtype": "f8", "bdata": "AAAAAAAA8D8="}}]}"""));
        Assert.Contains(svg.Texts(), t => t.Text == "Note: trace 0 not drawn: its data is a typed array (bdata), which is not supported");
    }

    [Fact]
    public void EmptyFigure_DrawsEmptyAxes()
    {
        var svg = new SvgDocument(PlotlyFigureDisplay.ToSvg("""{"data": [], "layout": {"title": {"text": "nothing yet"}}}"""));
        Assert.Contains(svg.Texts(), t => t.Text == "nothing yet");
        Assert.Single(svg.PlotAreas());
        Assert.Empty(svg.All("polyline"));
    }

    [Theory]
    [MemberData(nameof(FigureFixtures.All), MemberType = typeof(FigureFixtures))]
    public void Coordinates_AreInvariantNumbers_WithAtMostTwoDecimals(string name)
    {
        var svg = Render(name);
        var coordinates = svg.Xml.Descendants().Attributes()
            .Where(a => a.Name.LocalName is "x" or "y" or "width" or "height" or "x1" or "y1" or "x2" or "y2" or "cx" or "cy" or "r");
        Assert.All(coordinates, a => Assert.Matches(PlainNumber(), a.Value));
    }

    private static Regex PlainNumber() => new(@"^-?\d+(\.\d{1,2})?$");
}
