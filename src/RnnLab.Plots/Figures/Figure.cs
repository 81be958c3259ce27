using System.Text.Json;

namespace RnnLab.Plots.Figures;

/// <summary>
/// A Plotly figure read from its JSON (the plotly.js schema, as <c>GenericChart.toFigureJson</c>
/// writes it): the traces, and the layout seen through <c>layout.template</c>. Anything that
/// is not a figure is rejected here with a message saying what was expected.
/// </summary>
internal sealed class Figure : IDisposable
{
    private const string Expected =
        "Expected a Plotly figure: a JSON object {\"data\": [trace, ...], \"layout\": {...}} as Plotly.NET's GenericChart.toFigureJson writes it.";

    private readonly JsonDocument _document;

    private Figure(JsonDocument document, IReadOnlyList<FigureTrace> traces, StyleChain layout, JsonElement? templateLayout)
    {
        _document = document;
        Traces = traces;
        Layout = layout;
        TemplateLayout = templateLayout;
    }

    public JsonElement Root => _document.RootElement;

    public IReadOnlyList<FigureTrace> Traces { get; }

    /// <summary><c>layout</c>, falling back to <c>layout.template.layout</c>.</summary>
    public StyleChain Layout { get; }

    public JsonElement? TemplateLayout { get; }

    /// <summary>Axis <paramref name="id"/>'s settings; a template's <c>xaxis</c> styles every x axis.</summary>
    public StyleChain Axis(AxisId id) =>
        new(Layout.Own.Member(id.LayoutKey), TemplateLayout.Member(id.Letter + "axis"));

    /// <summary>Axes the layout defines (<c>xaxis</c>, <c>yaxis2</c>, ...), in order.</summary>
    public IEnumerable<AxisId> LayoutAxes() =>
        Layout.Own is { ValueKind: JsonValueKind.Object } layout
            ? layout.EnumerateObject().Select(p => AxisId.FromLayoutKey(p.Name)).OfType<AxisId>().Order()
            : [];

    public static Figure Parse(string figureJson)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(figureJson, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The figure is not valid JSON ({e.Message}). {Expected}", nameof(figureJson), e);
        }
        try
        {
            return Read(document);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private static Figure Read(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new ArgumentException($"The figure JSON is {Article(root.ValueKind)}, not an object. {Expected}", "figureJson");
        bool hasData = root.TryGetProperty("data", out var data);
        bool hasLayout = root.TryGetProperty("layout", out var layout);
        if (!hasData && !hasLayout)
        {
            string keys = string.Join(", ", root.EnumerateObject().Select(p => $"\"{p.Name}\"").Take(5));
            throw new ArgumentException($"The figure JSON has neither \"data\" nor \"layout\" (it has {(keys.Length == 0 ? "no members" : keys)}). {Expected}", "figureJson");
        }
        if (hasData && data.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
            throw new ArgumentException($"The figure's \"data\" is {Article(data.ValueKind)}; it must be an array of traces. {Expected}", "figureJson");
        if (hasLayout && layout.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            throw new ArgumentException($"The figure's \"layout\" is {Article(layout.ValueKind)}; it must be an object. {Expected}", "figureJson");

        JsonElement? layoutElement = hasLayout && layout.ValueKind == JsonValueKind.Object ? layout : null;
        var template = layoutElement.Member("template");
        var templateLayout = template.Member("layout");
        var templateData = template.Member("data");
        var traces = new List<FigureTrace>();
        var seenPerType = new Dictionary<string, int>(StringComparer.Ordinal);
        if (hasData && data.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (var trace in data.EnumerateArray())
            {
                if (trace.ValueKind != JsonValueKind.Object)
                    throw new ArgumentException($"The figure's data[{index}] is {Article(trace.ValueKind)}; each trace must be an object such as {{\"type\": \"scatter\", \"x\": [...], \"y\": [...]}}. {Expected}", "figureJson");
                traces.Add(FigureTrace.Read(trace, index++, templateData, seenPerType));
            }
        }
        return new Figure(document, traces, new StyleChain(layoutElement, templateLayout), templateLayout);
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    public void Dispose() => _document.Dispose();
}
