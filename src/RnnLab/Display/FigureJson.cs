using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using PlotlyChart = Plotly.NET.GenericChart;

namespace RnnLab.Display;

/// <summary>
/// A chart's figure JSON, the same as <c>GenericChart.toFigureJson</c> writes, at a fraction of its cost:
/// toFigureJson serializes Plotly.NET's default template (about 9 KB, the same object in every chart) anew on
/// every call, about 200 ms here whatever the data. The template's JSON is kept per template object instead.
/// </summary>
internal static class FigureJson
{
    private static readonly ConditionalWeakTable<object, string> TemplateJson = [];

    public static string Of(PlotlyChart chart)
    {
        var layout = (DynamicObj.DynamicObj)PlotlyChart.getLayout(chart).ShallowCopyDynamicProperties();
        string traces = JsonConvert.SerializeObject(PlotlyChart.getTraces(chart));
        // An F# None arrives in C# as null.
        if (layout.TryGetPropertyValue("template") is not { } found) return $"{{\"data\":{traces},\"layout\":{JsonConvert.SerializeObject(layout)},\"frames\":[]}}";
        object template = found.Value;
        string templateJson = TemplateJson.GetValue(template, t => JsonConvert.SerializeObject(t));
        layout.RemoveProperty("template");
        string layoutJson = JsonConvert.SerializeObject(layout);
        string separator = layoutJson == "{}" ? "" : ",";
        return $"{{\"data\":{traces},\"layout\":{layoutJson[..^1]}{separator}\"template\":{templateJson}}},\"frames\":[]}}";
    }
}
