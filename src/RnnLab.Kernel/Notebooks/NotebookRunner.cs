using System.Text.Json.Nodes;
using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Notebooks;

/// <summary>
/// Executes a notebook in-process with the same core as the kernel, top to bottom like
/// nbclient (cwd = the notebook's folder, empty and "skip-execution" cells skipped), and writes
/// it back as nbformat 4.5. A failing cell stops the run and nothing is written, unless errors are allowed.
/// </summary>
public static class NotebookRunner
{
    public static NotebookRunResult Run(string path, RunOptions options)
    {
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath)!;
        var notebook = NotebookJson.Load(fullPath);
        if ((int?)notebook["nbformat"] != 4) return new NotebookRunResult(path, 0, null, "only nbformat 4 notebooks can be run", null);

        var session = new ExecutionSession(new ExecutionSessionOptions { WorkingDirectory = folder });
        var outputs = new NotebookOutputs();
        var cells = notebook["cells"] as JsonArray ?? [];
        EnsureCellIds(cells);
        using var thread = new NotebookThread();
        string previousDirectory = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder);
        int executed = 0;
        int codeCell = 0;
        var epilogueOutputs = new List<CellOutput>();
        try
        {
            foreach (var cell in cells.OfType<JsonObject>())
            {
                if ((string?)cell["cell_type"] != "code") continue;
                codeCell++;
                var cellOutputs = new JsonArray();
                cell["outputs"] = cellOutputs;
                cell["execution_count"] = null;
                string source = NotebookJson.Text(cell["source"]);
                if (string.IsNullOrWhiteSpace(source) || HasTag(cell, "skip-execution")) continue;

                outputs.BeginCell(cellOutputs);
                var (result, timedOut) = thread.Execute(session, source, outputs.Add, options.CellTimeout);
                executed++;
                cell["execution_count"] = result?.ExecutionCount;
                if (timedOut)
                    return new NotebookRunResult(path, executed, codeCell,
                        $"code cell {codeCell} did not finish within {options.CellTimeout!.Value.TotalSeconds:0} s"
                        + (thread.IsUsable ? "" : " and did not stop when cancelled; it is still running"), null)
                    { LeftCellRunning = !thread.IsUsable };
                if (result!.Error is { } error && !options.AllowErrors && !HasTag(cell, "raises-exception"))
                    return new NotebookRunResult(path, executed, codeCell,
                        $"code cell {codeCell} failed:\n{string.Join('\n', error.Traceback)}", null);
            }
            if (options.Epilogue is { } epilogue)
            {
                var (result, timedOut) = thread.Execute(session, epilogue, epilogueOutputs.Add, options.CellTimeout);
                string? failure = timedOut ? "the epilogue did not finish in time"
                    : result!.Error is { } error ? $"the epilogue failed:\n{string.Join('\n', error.Traceback)}" : null;
                if (failure is not null)
                    return new NotebookRunResult(path, executed, null, failure, null)
                    { LeftCellRunning = !thread.IsUsable, EpilogueOutputs = epilogueOutputs };
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
        }

        var metadata = notebook["metadata"] as JsonObject ?? [];
        metadata["kernelspec"] = KernelIdentity.KernelSpecMetadata();
        metadata["language_info"] = KernelIdentity.LanguageInfo();
        notebook["metadata"] = metadata;
        notebook["nbformat_minor"] = Math.Max(5, (int?)notebook["nbformat_minor"] ?? 5);

        string target = options.OutputDirectory is null ? fullPath : Path.Combine(Path.GetFullPath(options.OutputDirectory), Path.GetFileName(fullPath));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        NotebookJson.Save(notebook, target);
        if (options.Html) File.WriteAllText(Path.ChangeExtension(target, ".html"), HtmlExporter.Export(notebook, Path.GetFileNameWithoutExtension(target)));
        return new NotebookRunResult(path, executed, null, null, target) { EpilogueOutputs = epilogueOutputs };
    }

    private static bool HasTag(JsonObject cell, string tag) =>
        cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => (string?)t == tag);

    /// <summary>nbformat 4.5 requires an id per cell; missing ones get stable ids from their position.</summary>
    private static void EnsureCellIds(JsonArray cells)
    {
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
}
