using System.Text.Json;
using RnnLab.Plots;
using GenericChart = Plotly.NET.GenericChart;

namespace RnnLab.Tests.Charting;

/// <summary>A chart's figure JSON as Plotly.NET writes it (<c>GenericChart.toFigureJson</c>), for reading traces and layout back.</summary>
internal sealed class Figure
{
    private Figure(string json)
    {
        Json = json;
        Root = JsonDocument.Parse(json).RootElement;
    }

    public string Json { get; }

    public JsonElement Root { get; }

    public JsonElement Layout => Root.GetProperty("layout");

    public JsonElement[] Traces => [.. Root.GetProperty("data").EnumerateArray()];

    public static Figure Of(GenericChart chart) => new(GenericChart.toFigureJson(chart));

    public string? Text(string path) => At(path) is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    public double? Number(string path) => At(path) is { ValueKind: JsonValueKind.Number } e ? e.GetDouble() : null;

    /// <summary>The element at a dotted path from the root, e.g. "layout.yaxis.title.text" or "data.0.mode".</summary>
    public JsonElement? At(string path)
    {
        JsonElement current = Root;
        foreach (string part in path.Split('.'))
        {
            if (current.ValueKind == JsonValueKind.Array && int.TryParse(part, out int index) && index < current.GetArrayLength()) current = current[index];
            else if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(part, out var child)) current = child;
            else return null;
        }
        return current;
    }

    /// <summary>
    /// The SVG RnnLab.Plots draws for the figure, after checking it drew everything: no
    /// "Not rendered" comment (settings it ignored) and no red "Note:" under the chart (traces or
    /// values it could not draw).
    /// </summary>
    public string CleanSvg()
    {
        string svg = PlotlyFigureDisplay.ToMimeBundle(Json)["image/svg+xml"];
        Assert.DoesNotContain("Not rendered", svg);
        Assert.DoesNotContain(">Note: ", svg);
        return svg;
    }
}
