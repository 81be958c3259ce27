using System.Globalization;
using System.Text.Json;

namespace RnnLab.Plots.Figures;

/// <summary>
/// One entry of the figure's <c>data</c>, read with plotly.js's defaults: its type, axes, data
/// arrays, and how it is drawn. Styles are looked up through <see cref="Style"/> (trace, then
/// its template entry).
/// </summary>
internal sealed class FigureTrace
{
    /// <summary>Trace types this renderer draws; scattergl is drawn as scatter.</summary>
    public static readonly IReadOnlySet<string> DrawnTypes = new HashSet<string>(StringComparer.Ordinal) { "scatter", "scattergl", "bar", "heatmap" };

    /// <summary>plotly.js draws scatter traces with fewer points than this with markers by default.</summary>
    private const int LinesOnlyFrom = 20;

    public required int Index { get; init; }

    /// <summary>plotly.js's trace type, "scatter" when unset.</summary>
    public required string Type { get; init; }

    public required StyleChain Style { get; init; }

    public AxisId XAxis { get; init; } = AxisId.X1;

    public AxisId YAxis { get; init; } = AxisId.Y1;

    public DataArray? X { get; init; }

    public DataArray? Y { get; init; }

    /// <summary>Heatmap values, rows first (row 0 at the bottom of a normal y axis).</summary>
    public double[][]? Z { get; init; }

    public string? Name { get; init; }

    /// <summary>false: not drawn and not in the legend; "legendonly" traces are listed but not drawn.</summary>
    public bool Visible { get; init; } = true;

    public bool LegendOnly { get; init; }

    public bool IsScatter => Type is "scatter" or "scattergl";

    public bool IsBar => Type == "bar";

    public bool IsHeatmap => Type == "heatmap";

    public bool IsDrawnType => DrawnTypes.Contains(Type);

    public bool HasLines => IsScatter && Mode.Contains("lines", StringComparison.Ordinal);

    public bool HasMarkers => IsScatter && Mode.Contains("markers", StringComparison.Ordinal);

    /// <summary>Scatter mode with plotly.js's default: markers too for short traces.</summary>
    public string Mode => Style.String("mode") ?? (PointCount < LinesOnlyFrom ? "lines+markers" : "lines");

    /// <summary>Bar direction: "h" puts the keys on y.</summary>
    public bool IsHorizontal => IsBar && Style.String("orientation") == "h";

    /// <summary>Points (cells for a heatmap) the trace holds.</summary>
    public int PointCount => IsHeatmap
        ? Z?.Sum(row => row.Length) ?? 0
        : Math.Min(X?.Count ?? 0, Y?.Count ?? 0);

    /// <summary>The legend's name for it: plotly.js says "trace 0", "trace 1", ... when unnamed.</summary>
    public string DisplayName => Name ?? string.Create(CultureInfo.InvariantCulture, $"trace {Index}");

    /// <summary>"line", "markers", "line+markers", "bar", "heatmap", or the plotly.js type.</summary>
    public string KindLabel => IsScatter
        ? Mode switch
        {
            "markers" => "markers",
            "lines" => "line",
            _ when HasLines && HasMarkers => "line+markers",
            _ => Mode,
        }
        : Type;

    /// <summary>Reads trace <paramref name="index"/>; <paramref name="templateData"/> is <c>layout.template.data</c>.</summary>
    public static FigureTrace Read(JsonElement trace, int index, JsonElement? templateData, IDictionary<string, int> seenPerType)
    {
        string type = ((JsonElement?)trace).Member("type").AsString() ?? "scatter";
        // plotly.js cycles through a template's entries for a type: the k-th bar trace takes entry k mod n.
        int k = seenPerType.TryGetValue(type, out int seen) ? seen : 0;
        seenPerType[type] = k + 1;
        JsonElement? template = templateData.Member(type) is { ValueKind: JsonValueKind.Array } entries && entries.GetArrayLength() > 0
            ? entries[k % entries.GetArrayLength()]
            : null;
        var style = new StyleChain(trace, template);
        var visible = style.Find("visible");
        return type == "heatmap" ? ReadHeatmap(style, type, index, visible) : ReadXY(style, type, index, visible);
    }

    private static FigureTrace ReadXY(StyleChain style, string type, int index, JsonElement? visible)
    {
        var x = DataArray.From(style.Own.Member("x"));
        var y = DataArray.From(style.Own.Member("y"));
        // plotly.js fills a missing coordinate with x0 + i·dx (y0 + i·dy).
        if (x is null && y is not null) x = DataArray.Indices(y.Count, style.Number("x0") ?? 0, style.Number("dx") ?? 1);
        if (y is null && x is not null) y = DataArray.Indices(x.Count, style.Number("y0") ?? 0, style.Number("dy") ?? 1);
        return new FigureTrace
        {
            Index = index,
            Type = type,
            Style = style,
            X = x,
            Y = y,
            XAxis = AxisId.Parse(style.String("xaxis")) ?? AxisId.X1,
            YAxis = AxisId.Parse(style.String("yaxis")) ?? AxisId.Y1,
            Name = style.Own.Member("name") is { } name ? NameText(name) : null,
            Visible = visible.AsBool() != false,
            LegendOnly = visible.AsString() == "legendonly",
        };
    }

    private static FigureTrace ReadHeatmap(StyleChain style, string type, int index, JsonElement? visible)
    {
        double[][]? z = null;
        if (style.Own.Member("z") is { ValueKind: JsonValueKind.Array } rows)
        {
            z = [.. rows.EnumerateArray().Select(row => row.ValueKind == JsonValueKind.Array
                ? row.EnumerateArray().Select(JsonValues.ToDouble).ToArray()
                : [JsonValues.ToDouble(row)])];
            if (style.Bool("transpose") == true) z = Transpose(z);
        }
        return new FigureTrace
        {
            Index = index,
            Type = type,
            Style = style,
            Z = z,
            X = DataArray.From(style.Own.Member("x")),
            Y = DataArray.From(style.Own.Member("y")),
            XAxis = AxisId.Parse(style.String("xaxis")) ?? AxisId.X1,
            YAxis = AxisId.Parse(style.String("yaxis")) ?? AxisId.Y1,
            Name = style.Own.Member("name") is { } name ? NameText(name) : null,
            Visible = visible.AsBool() != false,
            LegendOnly = visible.AsString() == "legendonly",
        };
    }

    private static string NameText(JsonElement name) =>
        name.ValueKind == JsonValueKind.String ? name.GetString()! : name.GetRawText();

    private static double[][] Transpose(double[][] z)
    {
        int columns = z.Length == 0 ? 0 : z.Max(r => r.Length);
        var result = new double[columns][];
        for (int c = 0; c < columns; c++)
        {
            result[c] = new double[z.Length];
            for (int r = 0; r < z.Length; r++) result[c][r] = c < z[r].Length ? z[r][c] : double.NaN;
        }
        return result;
    }
}
