using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace RnnLab.Kernel.Notebooks;

/// <summary>
/// A static, self-contained HTML page of an executed notebook: markdown as preformatted text,
/// code with its outputs (HTML and SVG inline, PNG as data URI, text preformatted). No scripts,
/// no external resources. For a rendered look, nbconvert --to html remains the tool.
/// </summary>
public static class HtmlExporter
{
    private const string Style =
        "body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em}" +
        ".rnnlab-cell{margin:1em 0}.rnnlab-code{background:#f5f5f5;padding:.5em;border-left:3px solid #5a8}" +
        ".rnnlab-error{color:#b00}pre{white-space:pre-wrap;margin:.3em 0}";

    public static string Export(JsonObject notebook, string title)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title))
            .Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        foreach (var cell in (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>())
        {
            string source = WebUtility.HtmlEncode(NotebookJson.Text(cell["source"]));
            html.Append("<div class=\"rnnlab-cell\">");
            if ((string?)cell["cell_type"] == "code")
            {
                string count = cell["execution_count"]?.ToString() ?? " ";
                html.Append("<pre class=\"rnnlab-code\">In [").Append(count).Append("]:\n").Append(source).Append("</pre>\n");
                foreach (var output in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>()) AppendOutput(html, output);
            }
            else
                html.Append("<pre>").Append(source).Append("</pre>");
            html.Append("</div>\n");
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static void AppendOutput(StringBuilder html, JsonObject output)
    {
        switch ((string?)output["output_type"])
        {
            case "stream":
                html.Append("<pre>").Append(WebUtility.HtmlEncode(NotebookJson.Text(output["text"]))).Append("</pre>\n");
                break;
            case "error":
                string traceback = string.Join('\n', (output["traceback"] as JsonArray ?? []).Select(l => (string?)l));
                html.Append("<pre class=\"rnnlab-error\">").Append(WebUtility.HtmlEncode(traceback)).Append("</pre>\n");
                break;
            default:
                if (output["data"] is JsonObject data) AppendData(html, data);
                break;
        }
    }

    private static void AppendData(StringBuilder html, JsonObject data)
    {
        if (data["text/html"] is { } rich) html.Append("<div>").Append(NotebookJson.Text(rich)).Append("</div>\n");
        else if (data["image/svg+xml"] is { } svg) html.Append("<div>").Append(NotebookJson.Text(svg)).Append("</div>\n");
        else if (data["image/png"] is { } png) html.Append("<img src=\"data:image/png;base64,").Append(NotebookJson.Text(png).Trim()).Append("\">\n");
        else if (data["text/plain"] is { } text) html.Append("<pre>").Append(WebUtility.HtmlEncode(NotebookJson.Text(text))).Append("</pre>\n");
    }
}
