using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RnnLab.Plots.Json;

/// <summary>
/// Writes a figure in Plotly's JSON schema with System.Text.Json. Numbers are invariant
/// round-trip; NaN and infinities become null (Plotly's gap). Resolved trace colours and
/// colour-scale stops are written out, so plotly.js paints what our SVG paints.
/// </summary>
internal static class PlotlyJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        // Plotly JSON ends up inside HTML and notebooks; keep non-ASCII readable, HTML-sensitive escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(GenericChart chart)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("data");
            for (int i = 0; i < chart.Traces.Length; i++) WriteTrace(json, chart.Traces[i], i);
            json.WriteEndArray();
            WriteLayout(json, chart.Layout);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTrace(Utf8JsonWriter json, Trace trace, int index)
    {
        json.WriteStartObject();
        string color = Colorway.ForTrace(index);
        switch (trace.Type)
        {
            case TraceType.Scatter:
                json.WriteString("type", "scatter");
                json.WriteString("mode", trace.Mode switch
                {
                    Mode.Markers => "markers",
                    Mode.Lines_Markers => "lines+markers",
                    _ => "lines",
                });
                WriteColumn(json, "x", trace.X!);
                WriteColumn(json, "y", trace.Y!);
                if (trace.Mode != Mode.Markers)
                {
                    json.WriteStartObject("line");
                    json.WriteString("color", trace.Line?.Color ?? color);
                    if (trace.Line?.Width is { } width) json.WriteNumber("width", width);
                    if (trace.Line?.Dash is { } dash) json.WriteString("dash", DashName(dash));
                    json.WriteEndObject();
                }
                if (trace.Mode != Mode.Lines) WriteMarker(json, trace, color);
                break;
            case TraceType.Bar:
                json.WriteString("type", "bar");
                json.WriteString("orientation", trace.Orientation == Orientation.Horizontal ? "h" : "v");
                WriteColumn(json, "x", trace.X!);
                WriteColumn(json, "y", trace.Y!);
                WriteMarker(json, trace, color);
                break;
            case TraceType.Heatmap:
                json.WriteString("type", "heatmap");
                json.WriteStartArray("z");
                foreach (var row in trace.Z!)
                {
                    json.WriteStartArray();
                    foreach (double v in row) WriteNumber(json, v);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
                if (trace.X is not null) WriteColumn(json, "x", trace.X);
                if (trace.Y is not null) WriteColumn(json, "y", trace.Y);
                json.WriteStartArray("colorscale");
                foreach (var (position, stopColor) in (trace.Colorscale ?? Colorscale.Viridis).Stops)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(position);
                    json.WriteStringValue(stopColor);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
                json.WriteBoolean("showscale", trace.ShowScale ?? true);
                if (trace.ColorBar is { } bar)
                {
                    json.WriteStartObject("colorbar");
                    json.WriteNumber("x", bar.X);
                    json.WriteNumber("y", bar.Y);
                    json.WriteNumber("len", bar.Len);
                    json.WriteEndObject();
                }
                break;
        }
        if (trace.Name is not null) json.WriteString("name", trace.Name);
        if (trace.ShowLegend is { } showLegend) json.WriteBoolean("showlegend", showLegend);
        json.WriteString("xaxis", AxisRef("x", trace.XAxis));
        json.WriteString("yaxis", AxisRef("y", trace.YAxis));
        json.WriteEndObject();
    }

    private static void WriteMarker(Utf8JsonWriter json, Trace trace, string defaultColor)
    {
        json.WriteStartObject("marker");
        json.WriteString("color", trace.Marker?.Color ?? trace.Line?.Color ?? defaultColor);
        if (trace.Marker?.Size is { } size) json.WriteNumber("size", size);
        json.WriteEndObject();
    }

    private static void WriteLayout(Utf8JsonWriter json, Layout layout)
    {
        json.WriteStartObject("layout");
        if (layout.Title is not null)
        {
            json.WriteStartObject("title");
            json.WriteString("text", layout.Title);
            json.WriteEndObject();
        }
        if (layout.Width is { } width) json.WriteNumber("width", width);
        if (layout.Height is { } height) json.WriteNumber("height", height);
        if (layout.ShowLegend is { } showLegend) json.WriteBoolean("showlegend", showLegend);
        json.WriteStartArray("colorway");
        foreach (string c in Colorway.Default) json.WriteStringValue(c);
        json.WriteEndArray();
        foreach (var (id, axis) in layout.XAxes) WriteAxis(json, AxisKey("xaxis", id), axis, "y");
        foreach (var (id, axis) in layout.YAxes) WriteAxis(json, AxisKey("yaxis", id), axis, "x");
        if (layout.Grid is { } grid)
        {
            json.WriteStartObject("grid");
            json.WriteNumber("rows", grid.Rows);
            json.WriteNumber("columns", grid.Columns);
            json.WriteString("pattern", "independent");
            json.WriteEndObject();
        }
        if (!layout.Annotations.IsEmpty)
        {
            json.WriteStartArray("annotations");
            foreach (var note in layout.Annotations)
            {
                json.WriteStartObject();
                json.WriteString("text", note.Text);
                json.WriteNumber("x", note.X);
                json.WriteNumber("y", note.Y);
                json.WriteString("xref", "paper");
                json.WriteString("yref", "paper");
                json.WriteString("xanchor", "center");
                json.WriteString("yanchor", "bottom");
                json.WriteBoolean("showarrow", false);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteAxis(Utf8JsonWriter json, string key, Axis axis, string anchorLetter)
    {
        json.WriteStartObject(key);
        if (axis.Title is not null)
        {
            json.WriteStartObject("title");
            json.WriteString("text", axis.Title);
            json.WriteEndObject();
        }
        if (axis.Type is { } type && type != AxisType.Auto)
            json.WriteString("type", type switch { AxisType.Log => "log", AxisType.Category => "category", _ => "linear" });
        if (axis.Range is { } range)
        {
            // plotly.js takes a log axis' range in log10 units.
            bool log = axis.Type == AxisType.Log;
            json.WriteStartArray("range");
            json.WriteNumberValue(log ? Math.Log10(range.Min) : range.Min);
            json.WriteNumberValue(log ? Math.Log10(range.Max) : range.Max);
            json.WriteEndArray();
        }
        if (axis.Domain is { } domain)
        {
            json.WriteStartArray("domain");
            json.WriteNumberValue(domain.Start);
            json.WriteNumberValue(domain.End);
            json.WriteEndArray();
        }
        if (axis.Anchor is { } anchor) json.WriteString("anchor", AxisRef(anchorLetter, anchor));
        if (axis.ShowGrid is { } showGrid) json.WriteBoolean("showgrid", showGrid);
        json.WriteEndObject();
    }

    private static void WriteColumn(Utf8JsonWriter json, string name, DataColumn column)
    {
        json.WriteStartArray(name);
        if (column.Numbers is { } numbers)
            foreach (double v in numbers) WriteNumber(json, v);
        else
            foreach (string label in column.Categories!) json.WriteStringValue(label);
        json.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value)) json.WriteNumberValue(value);
        else json.WriteNullValue();
    }

    internal static string DashName(DrawingStyle dash) => dash switch
    {
        DrawingStyle.Dash => "dash",
        DrawingStyle.Dot => "dot",
        DrawingStyle.DashDot => "dashdot",
        _ => "solid",
    };

    private static string AxisRef(string letter, int id) => id == 1 ? letter : letter + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string AxisKey(string prefix, int id) => id == 1 ? prefix : prefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
