using System.Text.Json.Nodes;
using RnnLab.Kernel.Notebooks;

namespace RnnLab.Kernel.Migration;

/// <summary>
/// convert: rewrites a Polyglot Notebooks / .NET Interactive notebook (.ipynb or .dib) for this
/// kernel: kernelspec and language_info, cell languages (vscode.languageId), leading #!csharp
/// lines removed, #!markdown cells turned into markdown cells, Polyglot metadata dropped. Other
/// metadata and outputs are kept.
/// </summary>
public static class NotebookConverter
{
    private static readonly string[] CSharpMagics = ["#!csharp", "#!c#", "#!C#"];
    private static readonly string[] DibKernels =
        ["meta", "markdown", "md", "csharp", "c#", "C#", "fsharp", "f#", "F#", "pwsh", "powershell", "javascript", "js", "html", "sql", "kql", "mermaid", "value", "http"];

    public const string Usage = "convert <notebook.ipynb|notebook.dib>... (.ipynb rewritten in place, .dib written as .ipynb beside it)";

    public static int Execute(string[] args, TextWriter output)
    {
        if (args.Length == 0)
        {
            output.WriteLine("usage: " + Usage);
            return 2;
        }
        foreach (string path in args)
        {
            if (!File.Exists(path))
            {
                output.WriteLine($"no file at '{path}'");
                return 2;
            }
            bool dib = path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase);
            var notebook = dib ? FromDib(File.ReadAllText(path)) : NotebookJson.Load(path);
            Convert(notebook);
            string target = dib ? Path.ChangeExtension(path, ".ipynb") : path;
            NotebookJson.Save(notebook, target);
            output.WriteLine($"{path} -> {target}");
        }
        return 0;
    }

    /// <summary>Rewrites the notebook in place.</summary>
    public static void Convert(JsonObject notebook)
    {
        var metadata = notebook["metadata"] as JsonObject ?? [];
        metadata.Remove("polyglot_notebook");
        metadata.Remove("dotnet_interactive");
        metadata["kernelspec"] = KernelIdentity.KernelSpecMetadata();
        metadata["language_info"] = KernelIdentity.LanguageInfo();
        notebook["metadata"] = metadata;
        notebook["nbformat"] = 4;
        notebook["nbformat_minor"] = 5;

        int index = 0;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>())
        {
            index++;
            var cellMetadata = cell["metadata"] as JsonObject ?? [];
            string? kernelName = (string?)cellMetadata["polyglot_notebook"]?["kernelName"] ?? (string?)cellMetadata["dotnet_interactive"]?["language"];
            cellMetadata.Remove("polyglot_notebook");
            cellMetadata.Remove("dotnet_interactive");
            cell["metadata"] = cellMetadata;

            if ((string?)cell["cell_type"] == "code")
            {
                var lines = NotebookJson.Text(cell["source"]).Replace("\r\n", "\n").Split('\n').ToList();
                string first = lines.FirstOrDefault()?.Trim() ?? "";
                if (kernelName is "markdown" or "md" || first == "#!markdown")
                {
                    if (first == "#!markdown") lines.RemoveAt(0);
                    cell["cell_type"] = "markdown";
                    cell.Remove("outputs");
                    cell.Remove("execution_count");
                    if (cellMetadata["vscode"] is JsonObject markdownVscode) markdownVscode.Remove("languageId");
                }
                else
                {
                    if (CSharpMagics.Contains(first)) lines.RemoveAt(0);
                    if (cellMetadata["vscode"] is JsonObject vscode) vscode["languageId"] = "csharp";
                }
                cell["source"] = NotebookJson.Lines(string.Join('\n', lines));
            }
            if (cell["id"] is not JsonValue idValue || !used.Add((string?)idValue ?? ""))
            {
                string id = $"cell-{index}";
                for (int n = 2; !used.Add(id); n++) id = $"cell-{index}-{n}";
                cell["id"] = id;
            }
        }
    }

    /// <summary>A .dib file (sections introduced by #!kernel lines) as notebook JSON.</summary>
    public static JsonObject FromDib(string text)
    {
        var cells = new JsonArray();
        string? kernel = null;
        var body = new List<string>();
        void Flush()
        {
            string source = string.Join('\n', body).Trim('\n', '\r', ' ');
            if (kernel is not null and not "meta" && source.Length > 0)
            {
                bool markdown = kernel is "markdown" or "md";
                var cell = new JsonObject { ["cell_type"] = markdown ? "markdown" : "code", ["metadata"] = new JsonObject(), ["source"] = NotebookJson.Lines(source) };
                if (!markdown)
                {
                    // Non-C# sections keep their magic so the kernel names what it does not support.
                    if (!CSharpMagics.Contains("#!" + kernel)) cell["source"] = NotebookJson.Lines($"#!{kernel}\n{source}");
                    cell["execution_count"] = null;
                    cell["outputs"] = new JsonArray();
                }
                cells.Add(cell);
            }
            body.Clear();
        }
        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("#!", StringComparison.Ordinal) && DibKernels.Contains(line[2..].Trim()))
            {
                Flush();
                kernel = line[2..].Trim();
            }
            else body.Add(line);
        }
        Flush();
        return new JsonObject { ["cells"] = cells, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 };
    }
}
