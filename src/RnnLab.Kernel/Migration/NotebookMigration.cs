using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RnnLab.Kernel.Notebooks;

namespace RnnLab.Kernel.Migration;

/// <summary>
/// Rewrites a Polyglot / .NET Interactive notebook for this kernel: rnnlab-csharp kernelspec and C#
/// language_info, C# cells marked csharp for VS Code (vscode.languageId) with a leading #!csharp
/// dropped, markdown kept, cells of other languages turned into markdown that shows their code and
/// says why they cannot run. Code is kept as written: #r "nuget: ..." lines (TorchSharp, Plotly.NET) and
/// Formatter.Register calls run here as they did in Polyglot. Outputs are kept; nbformat 4.5 (cell ids) is written.
/// </summary>
public static partial class NotebookMigration
{
    /// <summary>Cell metadata keys only .NET Interactive / Polyglot understood.</summary>
    private static readonly string[] PolyglotKeys = ["dotnet_interactive", "polyglot_notebook"];

    /// <summary>Converts a .ipynb in place (the object is modified and returned); <paramref name="notes"/> says what changed.</summary>
    public static JsonObject ConvertIpynb(JsonObject notebook, ICollection<string> notes)
    {
        if ((int?)notebook["nbformat"] != 4) throw new InvalidDataException("only nbformat 4 notebooks can be converted");
        var metadata = notebook["metadata"] as JsonObject ?? [];
        string defaultKernel = (string?)metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] ?? "csharp";
        var cells = new JsonArray();
        foreach (var cell in (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>().ToList())
        {
            cell.Parent!.AsArray().Remove(cell);
            cells.Add(ConvertCell(cell, DibParser.Normalize(defaultKernel), notes));
        }
        notebook["cells"] = cells;
        metadata.Remove("polyglot_notebook");
        metadata.Remove("dotnet_interactive");
        metadata["kernelspec"] = KernelIdentity.KernelSpecMetadata();
        metadata["language_info"] = KernelIdentity.LanguageInfo();
        notebook["metadata"] = metadata;
        notebook["nbformat_minor"] = 5;
        EnsureCellIds(cells);
        return notebook;
    }

    /// <summary>Builds a notebook (no outputs) from the cells of a .dib file.</summary>
    public static JsonObject ConvertDib(string dibText, ICollection<string> notes)
    {
        var (dibCells, defaultKernel) = DibParser.Parse(dibText);
        var cells = new JsonArray();
        foreach (var dib in dibCells)
        {
            var cell = dib.KernelName == "markdown"
                ? new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = NotebookJson.Lines(dib.Source) }
                : new JsonObject
                {
                    ["cell_type"] = "code", ["execution_count"] = null, ["outputs"] = new JsonArray(),
                    ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = dib.KernelName } },
                    ["source"] = NotebookJson.Lines(dib.Source),
                };
            cells.Add(cell);
        }
        var notebook = new JsonObject
        {
            ["cells"] = cells, ["nbformat"] = 4, ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = defaultKernel } } },
        };
        return ConvertIpynb(notebook, notes);
    }

    private static JsonObject ConvertCell(JsonObject cell, string defaultKernel, ICollection<string> notes)
    {
        if ((string?)cell["cell_type"] != "code") return cell;
        var metadata = cell["metadata"] as JsonObject ?? [];
        string source = NotebookJson.Text(cell["source"]).Replace("\r\n", "\n");
        string kernel = DibParser.Normalize(
            (string?)metadata["polyglot_notebook"]?["kernelName"] ?? (string?)metadata["dotnet_interactive"]?["language"] ?? defaultKernel);
        // A leading selector line (#!fsharp, #!markdown, #!csharp) overrides the metadata, as it did in .NET Interactive.
        var firstLine = LeadingSelector().Match(source);
        if (firstLine.Success)
        {
            kernel = DibParser.Normalize(firstLine.Groups["kernel"].Value);
            source = source[firstLine.Length..];
        }
        foreach (string key in PolyglotKeys) metadata.Remove(key);

        switch (kernel)
        {
            case "csharp":
                metadata["vscode"] = new JsonObject { ["languageId"] = "csharp" };
                cell["metadata"] = metadata;
                cell["source"] = NotebookJson.Lines(source);
                return cell;
            case "html":
                // This kernel runs #!html cells itself.
                metadata["vscode"] = new JsonObject { ["languageId"] = "csharp" };
                cell["metadata"] = metadata;
                cell["source"] = NotebookJson.Lines("#!html\n" + source);
                return cell;
            case "markdown":
                return new JsonObject { ["id"] = cell["id"]?.DeepClone(), ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = NotebookJson.Lines(source) };
            default:
                notes.Add($"turned a {kernel} cell into markdown (this kernel runs C# only)");
                string text = $"> **Converted from .NET Interactive:** this was a `{kernel}` cell. The RnnLab C# kernel runs C# only, so it is shown here as text.\n\n```{kernel}\n{source.TrimEnd('\n')}\n```";
                return new JsonObject { ["id"] = cell["id"]?.DeepClone(), ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = NotebookJson.Lines(text) };
        }
    }

    /// <summary>nbformat 4.5 requires an id per cell; missing ones get stable ids from their position.</summary>
    private static void EnsureCellIds(JsonArray cells)
    {
        foreach (var cell in cells.OfType<JsonObject>().Where(c => c["id"] is null)) cell.Remove("id");
        var used = new HashSet<string>(cells.OfType<JsonObject>().Select(c => (string?)c["id"]).OfType<string>(), StringComparer.Ordinal);
        int index = 0;
        foreach (var cell in cells.OfType<JsonObject>())
        {
            index++;
            if (cell["id"] is not null) continue;
            string id = $"cell-{index}";
            for (int n = 2; !used.Add(id); n++) id = $"cell-{index}-{n}";
            cell["id"] = id;
        }
    }

    [GeneratedRegex(@"\A[ \t]*#!(?<kernel>[A-Za-z#]+)[ \t]*(\n|\z)")]
    private static partial Regex LeadingSelector();
}
