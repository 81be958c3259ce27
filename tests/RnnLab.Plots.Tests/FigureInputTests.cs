namespace RnnLab.Plots.Tests;

/// <summary>Input that is not a figure is rejected with what was wrong and what was expected; a valid figure never throws.</summary>
public class FigureInputTests
{
    [Theory]
    [InlineData("{\"data\": [", "not valid JSON")]
    [InlineData("[1, 2]", "is an array, not an object")]
    [InlineData("\"loss\"", "is a string, not an object")]
    [InlineData("{\"x\": [1, 2], \"y\": [3, 4]}", "neither \"data\" nor \"layout\" (it has \"x\", \"y\")")]
    [InlineData("{\"data\": {\"type\": \"scatter\"}}", "\"data\" is an object; it must be an array of traces")]
    [InlineData("{\"data\": [], \"layout\": [1]}", "\"layout\" is an array; it must be an object")]
    [InlineData("{\"data\": [[1, 2]]}", "data[0] is an array; each trace must be an object")]
    public void NotAFigure_IsRejected_SayingWhatWasWrongAndWhatWasExpected(string json, string what)
    {
        foreach (var render in new Func<string, object>[] { PlotlyFigureDisplay.ToSvg, PlotlyFigureDisplay.ToMimeBundle, PlotlyFigureDisplay.ToCompactJson, PlotlyFigureDisplay.Summary })
        {
            var error = Assert.Throws<ArgumentException>(() => render(json));
            Assert.Contains(what, error.Message, StringComparison.Ordinal);
            Assert.Contains("GenericChart.toFigureJson", error.Message, StringComparison.Ordinal);
            Assert.Equal("figureJson", error.ParamName);
        }
    }

    [Fact]
    public void Null_IsRejected() => Assert.Throws<ArgumentNullException>(() => PlotlyFigureDisplay.ToSvg(null!));

    [Theory]
    [InlineData("""{"layout": {"title": {"text": "no data yet"}}}""")]
    [InlineData("""{"data": [{"type": "scatter"}]}""")]
    [InlineData("""{"data": [{"type": "scatter", "x": "oops", "y": {"a": 1}}]}""")]
    [InlineData("""{"data": [{"type": "heatmap", "z": [[1, null, "NaN"], [2], "row"]}]}""")]
    [InlineData("""{"data": [{"type": "bar", "x": ["a", "b"], "y": [1, "Infinity"], "marker": {"color": [1, 2]}}]}""")]
    [InlineData("""{"data": [{"y": [1, 2]}], "layout": {"xaxis": {"type": "log", "range": ["a", null]}, "yaxis": {"scaleanchor": "y"}}}""")]
    [InlineData("""{"data": [{"type": "scatter", "y": [-1, 0]}], "layout": {"yaxis": {"type": "log"}, "shapes": [{"type": "path", "path": "m 1 2 a 3 3 0 0 1 4 4"}], "annotations": [{"xref": "x9", "text": "lost"}]}}""")]
    [InlineData("""{"data": [{"type": "scatter", "x": ["2024-01-01", "2024-01-02"], "y": [1, 2]}], "layout": {"width": -5, "font": {"size": "big"}}}""")]
    public void OddButValidFigures_RenderWithoutThrowing(string json)
    {
        string svg = PlotlyFigureDisplay.ToSvg(json);
        Assert.StartsWith("<svg ", svg, StringComparison.Ordinal);
        _ = new SvgDocument(svg);
    }
}
