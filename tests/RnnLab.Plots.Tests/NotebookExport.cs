using System.Text;
using RnnLab.Testing;
using System.Text.Json;

namespace RnnLab.Plots.Tests;

/// <summary>
/// Writes a notebook whose outputs are our display bundles, exactly as a kernel would store them,
/// and exports it with Debian's nbconvert (the version whose SVG handling is broken, §3.4).
/// </summary>
public static class NotebookExport
{
    public const string Python = "/usr/bin/python3";

    public static bool NbconvertAvailable() =>
        Requires.CommandExists("jupyter") && Requires.PythonModule("nbconvert");

    /// <summary>nbformat 4.4 JSON with one code cell per chart, each with one display_data output.</summary>
    public static string NotebookJson(IReadOnlyList<DisplayedCharts.Item> charts)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("nbformat", 4);
            json.WriteNumber("nbformat_minor", 4);
            json.WriteStartObject("metadata");
            json.WriteStartObject("language_info");
            json.WriteString("name", "csharp");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("cells");
            int count = 0;
            foreach (var (name, bundle, _, _) in charts)
            {
                json.WriteStartObject();
                json.WriteString("cell_type", "code");
                json.WriteNumber("execution_count", ++count);
                json.WriteStartObject("metadata");
                json.WriteEndObject();
                json.WriteString("source", $"// sample chart: {name}");
                json.WriteStartArray("outputs");
                json.WriteStartObject();
                json.WriteString("output_type", "display_data");
                json.WriteStartObject("data");
                foreach (var (mime, value) in bundle)
                {
                    // nbformat stores JSON MIME types (the Plotly figure) as JSON, not as a string.
                    json.WritePropertyName(mime);
                    if (mime.EndsWith("json", StringComparison.Ordinal)) json.WriteRawValue(value);
                    else json.WriteStringValue(value);
                }
                json.WriteEndObject();
                json.WriteStartObject("metadata");
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the notebook into <paramref name="directory"/> and returns the path of nbconvert's HTML.</summary>
    public static string ExportHtml(IReadOnlyList<DisplayedCharts.Item> charts, string directory)
    {
        string notebook = Path.Combine(directory, "charts.ipynb");
        File.WriteAllText(notebook, NotebookJson(charts));
        var result = ExternalProcess.Run("jupyter", ["nbconvert", "--to", "html", "--output-dir", directory, notebook],
            TimeSpan.FromMinutes(2), directory);
        Assert.True(result.ExitCode == 0, $"nbconvert failed ({result.ExitCode}): {result.StdErr}");
        return Path.Combine(directory, "charts.html");
    }
}
