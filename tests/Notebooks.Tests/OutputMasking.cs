using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RnnLab.Kernel.Notebooks;

namespace Notebooks.Tests;

/// <summary>
/// A notebook's outputs reduced to what must not change between runs. Masked: chart images (their
/// presence is kept, pixels are the browser test's job), base64 payloads, float digits beyond the
/// third significant one, float noise below 1e-5 (rounding-level differences between CPUs) and runs
/// of spaces (column widths follow the digits). Everything else, every word, integer, shape and
/// string, must match exactly. Our outputs carry no timings, ids or paths, so there is nothing else to mask.
/// A cell tagged "rounding-sensitive-output" (a result the notebook itself explains is not reproducible
/// across CPUs and libraries, such as a chaotic ReLU training run) has all its float digits masked:
/// its words and structure are still compared, and its check cells assert what is robust.
/// </summary>
internal static partial class OutputMasking
{
    /// <summary>Each code cell's id and its masked outputs, in order.</summary>
    public static IReadOnlyList<(string CellId, string Outputs)> Of(JsonObject notebook) =>
        [.. (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(c => (string?)c["cell_type"] == "code")
            .Select(c => ((string?)c["id"] ?? "?", Masked(c)))];

    /// <summary>The tag for outputs whose float digits legitimately differ between machines.</summary>
    public const string RoundingSensitiveTag = "rounding-sensitive-output";

    private static string Masked(JsonObject cell)
    {
        string outputs = string.Join("\n---\n", (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>().Select(Output));
        bool sensitive = cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => (string?)t == RoundingSensitiveTag);
        return sensitive ? Float().Replace(outputs, "<float>") : outputs;
    }

    private static string Output(JsonObject output)
    {
        string type = (string?)output["output_type"] ?? "?";
        return type switch
        {
            "stream" => $"stream {(string?)output["name"]}: {Text(NotebookJson.Text(output["text"]))}",
            "error" => $"error {(string?)output["ename"]}: {Text((string?)output["evalue"] ?? "")}",
            _ => $"{type}: " + string.Join("\n", (output["data"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"[{p.Key}] " + Data(p.Key, p.Value))),
        };
    }

    private static string Data(string mime, JsonNode? value) => mime switch
    {
        "image/svg+xml" or "image/png" => "<image>",
        "application/vnd.plotly.v1+json" => "<plotly figure>",
        _ when value is JsonObject => "<json>",
        _ => Text(Base64().Replace(NotebookJson.Text(value), "base64,<payload>")),
    };

    /// <summary>Masks float digits and spacing in one piece of text.</summary>
    public static string Text(string text)
    {
        string numbers = Float().Replace(text, m =>
        {
            double value = double.Parse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            return Math.Abs(value) < 1e-5 ? "≈0" : value.ToString("G3", CultureInfo.InvariantCulture);
        });
        return Spaces().Replace(numbers, " ").Trim();
    }

    [GeneratedRegex(@"(?<![\w.])-?(\d+\.\d+([eE][+-]?\d+)?|\d+[eE][+-]?\d+)(?![\w.])")]
    private static partial Regex Float();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"base64,[A-Za-z0-9+/=]+")]
    private static partial Regex Base64();
}
