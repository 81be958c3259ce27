using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RnnLab.Plots.Figures;

/// <summary>
/// The figure JSON for a notebook's <c>application/vnd.plotly.v1+json</c> output: no whitespace, and
/// only the parts of <c>layout.template</c> that change how this figure looks. Plotly.NET attaches
/// its whole ~9 KB template to every figure; this keeps the template's layout look (colorway,
/// fonts, backgrounds, axes) and its entries for the trace types the figure has, and drops the
/// rest (3-D scenes, maps, polar and ternary axes the figure does not use, hover styling, styles
/// of other trace types). Data and everything else are written as they came.
/// </summary>
internal static class CompactFigureJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        // Notebook JSON holds the text as is; escape only what JSON itself requires.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Template layout parts tied to a kind of subplot, kept only when a trace uses that kind.</summary>
    private static readonly Dictionary<string, string[]> SubplotTraceTypes = new(StringComparer.Ordinal)
    {
        ["scene"] = ["scatter3d", "surface", "mesh3d", "cone", "streamtube", "volume", "isosurface"],
        ["geo"] = ["scattergeo", "choropleth"],
        ["mapbox"] = ["scattermapbox", "choroplethmapbox", "densitymapbox"],
        ["polar"] = ["scatterpolar", "scatterpolargl", "barpolar"],
        ["ternary"] = ["scatterternary"],
    };

    /// <summary>Template layout parts that only style interaction (hover labels, hover mode).</summary>
    private static readonly HashSet<string> InteractionOnly = new(StringComparer.Ordinal) { "hoverlabel", "hovermode" };

    public static string Write(Figure figure)
    {
        var root = figure.Root;
        var types = figure.Traces.Select(t => t.Type).ToHashSet(StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            foreach (var member in root.EnumerateObject())
            {
                switch (member.Name)
                {
                    case "layout" when member.Value.ValueKind == JsonValueKind.Object:
                        json.WritePropertyName(member.Name);
                        WriteLayout(json, member.Value, figure, types);
                        break;
                    case "frames" when member.Value.ValueKind == JsonValueKind.Array && member.Value.GetArrayLength() == 0:
                        break;
                    case "data" or "layout" or "frames" or "config":
                        member.WriteTo(json);
                        break;
                }
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteLayout(Utf8JsonWriter json, JsonElement layout, Figure figure, HashSet<string> types)
    {
        json.WriteStartObject();
        foreach (var member in layout.EnumerateObject())
        {
            if (member.Name != "template" || member.Value.ValueKind != JsonValueKind.Object)
            {
                member.WriteTo(json);
                continue;
            }
            json.WriteStartObject("template");
            foreach (var part in member.Value.EnumerateObject())
            {
                if (part.Name == "layout" && part.Value.ValueKind == JsonValueKind.Object) WriteTemplateLayout(json, part.Value, figure, types);
                else if (part.Name == "data" && part.Value.ValueKind == JsonValueKind.Object) WriteTemplateData(json, part.Value, types);
                else part.WriteTo(json);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteTemplateLayout(Utf8JsonWriter json, JsonElement templateLayout, Figure figure, HashSet<string> types)
    {
        bool usesLayoutColorscale = figure.Traces.Any(t => t.Style.Own.Member("autocolorscale").AsBool() == true);
        bool usesColorAxis = figure.Traces.Any(t => t.Style.Own.Member("coloraxis") is not null || t.Style.Own.Path("marker.coloraxis") is not null);
        bool hasAnnotations = figure.Layout.Own.Member("annotations") is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() > 0;
        bool hasShapes = figure.Layout.Own.Member("shapes") is { ValueKind: JsonValueKind.Array } s && s.GetArrayLength() > 0;
        json.WriteStartObject("layout");
        foreach (var part in templateLayout.EnumerateObject())
        {
            bool keep = part.Name switch
            {
                _ when InteractionOnly.Contains(part.Name) => false,
                _ when SubplotTraceTypes.TryGetValue(part.Name, out var users) => users.Any(types.Contains),
                "colorscale" => usesLayoutColorscale,
                "coloraxis" => usesColorAxis,
                "annotationdefaults" => hasAnnotations,
                "shapedefaults" => hasShapes,
                _ => true,
            };
            if (keep) part.WriteTo(json);
        }
        json.WriteEndObject();
    }

    private static void WriteTemplateData(Utf8JsonWriter json, JsonElement templateData, HashSet<string> types)
    {
        json.WriteStartObject("data");
        foreach (var entry in templateData.EnumerateObject())
            if (types.Contains(entry.Name)) entry.WriteTo(json);
        json.WriteEndObject();
    }
}
