using System.Globalization;
using System.Text.Json;

namespace RnnLab.Plots.Figures;

/// <summary>
/// Reading plotly.js values out of JSON. Numbers may come as JSON numbers or, as Plotly.NET writes
/// NaN and infinities, as the strings "NaN", "Infinity" and "-Infinity".
/// </summary>
internal static class JsonValues
{
    /// <summary>The member <paramref name="name"/> of an object; null when absent, JSON null, or not an object.</summary>
    public static JsonElement? Member(this JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>A dotted path ("title.font.size") below an object; null when any step is missing.</summary>
    public static JsonElement? Path(this JsonElement? element, string path)
    {
        int start = 0;
        while (element is not null)
        {
            int dot = path.IndexOf('.', start);
            string step = dot < 0 ? path[start..] : path[start..dot];
            element = element.Member(step);
            if (dot < 0) return element;
            start = dot + 1;
        }
        return null;
    }

    /// <summary>A number, or NaN for anything that is not one (null, text, "NaN"); ±∞ from "Infinity" strings.</summary>
    public static double ToDouble(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => ParseNumber(element.GetString()!),
        _ => double.NaN,
    };

    /// <summary>A number when the element is one (or a numeric string); null otherwise.</summary>
    public static double? AsNumber(this JsonElement? element)
    {
        if (element is not { } e) return null;
        double value = ToDouble(e);
        return double.IsNaN(value) && !(e.ValueKind == JsonValueKind.String && e.GetString() == "NaN") ? null : value;
    }

    public static string? AsString(this JsonElement? element) =>
        element is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    public static bool? AsBool(this JsonElement? element) => element?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>True for JSON true (false for false and anything else).</summary>
    public static bool AsBoolValue(this JsonElement element) => element.ValueKind == JsonValueKind.True;

    public static bool IsArray(this JsonElement? element) => element is { ValueKind: JsonValueKind.Array };

    /// <summary>True for an object with no members: Plotly.NET writes <c>"marker": {}</c>, which sets nothing.</summary>
    public static bool IsEmptyObject(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && !element.EnumerateObject().Any();

    /// <summary>Plotly.NET's spellings of NaN and ±∞, and plain numeric text; NaN for other text.</summary>
    public static double ParseNumber(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : double.NaN,
    };

    /// <summary>How a number reads as a category label (JavaScript's String(n) for ordinary values).</summary>
    public static string NumberLabel(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
