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
    private const int CellThreadStackBytes = 16 * 1024 * 1024;

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
        string previousDirectory = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder);
        int executed = 0;
        int codeCell = 0;
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
                var (result, timedOut) = ExecuteWithTimeout(session, source, outputs, options.CellTimeout);
                executed++;
                cell["execution_count"] = result?.ExecutionCount;
                if (timedOut)
                    return new NotebookRunResult(path, executed, codeCell,
                        $"code cell {codeCell} did not finish within {options.CellTimeout!.Value.TotalSeconds:0} s", null);
                if (result!.Error is { } error && !options.AllowErrors && !HasTag(cell, "raises-exception"))
                    return new NotebookRunResult(path, executed, codeCell,
                        $"code cell {codeCell} failed:\n{string.Join('\n', error.Traceback)}", null);
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
        return new NotebookRunResult(path, executed, null, null, target);
    }

    /// <summary>Runs the cell on its own thread so a cell that never ends cannot hang the run.</summary>
    private static (CellResult? Result, bool TimedOut) ExecuteWithTimeout(ExecutionSession session, string source, NotebookOutputs outputs, TimeSpan? timeout)
    {
        using var cancellation = new CancellationTokenSource();
        CellResult? result = null;
        var worker = new Thread(() => result = session.Execute(source, outputs.Add, cancellation.Token), CellThreadStackBytes)
        {
            IsBackground = true,
            Name = "notebook cell",
        };
        worker.Start();
        if (timeout is null)
        {
            worker.Join();
            return (result, false);
        }
        if (worker.Join(timeout.Value)) return (result, false);
        // Cooperative code (library loops) stops on the token; anything else is left behind on its background thread.
        cancellation.Cancel();
        return worker.Join(TimeSpan.FromSeconds(2)) && result is not null ? (result, true) : (null, true);
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
