using System.Text.Json.Nodes;
using RnnLab.Kernel.Notebooks;

namespace RnnLab.Kernel.Tests.Runner;

/// <summary>The runner changes the process's working folder, so these run one at a time.</summary>
[Collection(ProcessWideStateCollection.Name)]
public class NotebookRunnerTests
{
    private static JsonObject Cell(JsonObject notebook, string id) =>
        notebook["cells"]!.AsArray().OfType<JsonObject>().Single(c => (string?)c["id"] == id);

    private static JsonArray Outputs(JsonObject notebook, string id) => Cell(notebook, id)["outputs"]!.AsArray();

    [Fact]
    public void AllowErrors_ExecutesEveryCell_AndWritesValidNbformat45()
    {
        string folder = TestNotebookFolder.Shared;
        string output = Path.Combine(folder, "out");
        var log = new StringWriter();
        int exit = RunCommand.Execute(["--allow-errors", "--output-dir", output, Path.Combine(folder, TestNotebookFolder.FeaturesNotebook)], log);
        Assert.True(exit == 0, log.ToString());

        string written = Path.Combine(output, TestNotebookFolder.FeaturesNotebook);
        var notebook = NotebookJson.Load(written);
        Assert.Equal(5, (int)notebook["nbformat_minor"]!);
        Assert.Equal("rnnlab-csharp", (string?)notebook["metadata"]!["kernelspec"]!["name"]);
        Assert.Equal("csharp", (string?)notebook["metadata"]!["language_info"]!["name"]);

        var references = Outputs(notebook, "references");
        Assert.Equal("Hello from a #:project library, notebook!\n", NotebookJson.Text(references[0]!["text"]));
        Assert.Equal("42", NotebookJson.Text(references[1]!["data"]!["text/plain"]));

        var streams = Outputs(notebook, "streams");
        Assert.Equal(["stdout", "stderr"], streams.Select(s => (string?)s!["name"]));
        Assert.Equal("6", NotebookJson.Text(Outputs(notebook, "result").Single()!["data"]!["text/plain"]));
        Assert.Equal(3, (int)Cell(notebook, "result")["execution_count"]!);

        var display = Outputs(notebook, "display-update").Single()!;
        Assert.Equal("display_data", (string?)display["output_type"]);
        Assert.Equal("100%", NotebookJson.Text(display["data"]!["text/plain"]));
        Assert.Null(display["transient"]);

        Assert.Contains("<th>Name</th>", NotebookJson.Text(Outputs(notebook, "table").Single()!["data"]!["text/html"]));
        var error = Outputs(notebook, "error").Single()!;
        Assert.Equal("System.InvalidOperationException", (string?)error["ename"]);
        Assert.Equal("3", NotebookJson.Text(Outputs(notebook, "after-error").Single()!["data"]!["text/plain"]));

        string text = File.ReadAllText(written);
        Assert.DoesNotContain(folder, text);
        Assert.DoesNotContain(Environment.MachineName, text);
        NbformatValidator.AssertValid(written);
    }

    [Fact]
    public void Outputs_AreDeterministic_AcrossRuns()
    {
        string folder = TestNotebookFolder.Shared;
        string notebook = Path.Combine(folder, TestNotebookFolder.FeaturesNotebook);
        Assert.Equal(0, RunCommand.Execute(["--allow-errors", "--output-dir", Path.Combine(folder, "a"), notebook], new StringWriter()));
        Assert.Equal(0, RunCommand.Execute(["--allow-errors", "--output-dir", Path.Combine(folder, "b"), notebook], new StringWriter()));
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "a", TestNotebookFolder.FeaturesNotebook)),
                     File.ReadAllText(Path.Combine(folder, "b", TestNotebookFolder.FeaturesNotebook)));
    }

    [Fact]
    public void FailingCell_ExitsNonZero_NamesTheCell_AndWritesNothing()
    {
        string folder = TestNotebookFolder.Shared;
        string notebook = Path.Combine(folder, TestNotebookFolder.FeaturesNotebook);
        string before = File.ReadAllText(notebook);
        var log = new StringWriter();
        Assert.Equal(1, RunCommand.Execute([notebook], log));
        Assert.True(log.ToString().Contains("code cell 6 failed"), log.ToString());
        Assert.Contains("expected failure", log.ToString());
        Assert.Equal(before, File.ReadAllText(notebook));
    }

    [Fact]
    public void Timeout_StopsAHangingCell()
    {
        string folder = Directory.CreateTempSubdirectory("rnnlab-timeout-").FullName;
        string path = Path.Combine(folder, "sleepy.ipynb");
        File.WriteAllText(path, """
            {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
                        "source": "System.Threading.Thread.Sleep(60_000);"}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
            """);
        var log = new StringWriter();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(1, RunCommand.Execute(["--timeout", "1", path], log));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString());
        Assert.Contains("did not finish within 1 s", log.ToString());
    }

    private static string WriteNotebook(string folder, string name, params string[] cells)
    {
        var array = new JsonArray();
        foreach (string source in cells)
            array.Add(new JsonObject { ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(),
                ["execution_count"] = null, ["source"] = source });
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, new JsonObject { ["cells"] = array, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 }
            .ToJsonString());
        return path;
    }

    [Fact]
    public void EveryCellOfANotebook_RunsOnOneThread_SoThreadLocalStateCarries()
    {
        // TorchSharp's grad mode and dispose scopes are thread-local state like this.
        string folder = Directory.CreateTempSubdirectory("rnnlab-thread-").FullName;
        string path = WriteNotebook(folder, "thread.ipynb",
            "var mode = new ThreadLocal<string>(() => \"grad enabled\");\nmode.Value = \"no_grad\";\nint first = Environment.CurrentManagedThreadId;",
            "$\"{mode.Value}, same thread: {Environment.CurrentManagedThreadId == first}\"");
        Assert.Equal(0, RunCommand.Execute(["--timeout", "60", path], new StringWriter()));
        var notebook = (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
        string shown = NotebookJson.Text(notebook["cells"]![1]!["outputs"]![0]!["data"]!["text/plain"]);
        Assert.Equal("no_grad, same thread: True", shown);
    }

    [Fact]
    public void ACellThatIgnoresItsTimeout_FailsTheRun_AndNoLaterNotebookStartsBesideIt()
    {
        string folder = Directory.CreateTempSubdirectory("rnnlab-stuck-").FullName;
        const string release = "RnnLab.Tests.ReleaseStuckCell";
        // No loop statement (those get interruption checks) and no Sleep (the runner wakes those): nothing stops it.
        WriteNotebook(folder, "a-stuck.ipynb",
            $"Enumerable.Range(0, int.MaxValue).TakeWhile(_ => AppContext.GetData(\"{release}\") is null).Count()");
        WriteNotebook(folder, "b-next.ipynb", "System.IO.File.WriteAllText(\"ran.txt\", \"yes\");");
        var log = new StringWriter();
        try
        {
            Assert.Equal(1, RunCommand.Execute(["--timeout", "1", folder], log));
        }
        finally
        {
            AppContext.SetData(release, true);
        }
        Assert.Contains("did not finish within 1 s and did not stop when cancelled; it is still running", log.ToString());
        Assert.Contains("is still running; the 1 notebook(s) after it were not run.", log.ToString());
        Assert.False(File.Exists(Path.Combine(folder, "ran.txt")));
    }

    [Fact]
    public void InPlace_WithHtml_WritesTheNotebookAndAPage_AndAddsCellIds()
    {
        string folder = Directory.CreateTempSubdirectory("rnnlab-inplace-").FullName;
        string path = Path.Combine(folder, "small.ipynb");
        File.WriteAllText(path, """
            {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Small"]},
                       {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null, "source": ["\"<b>\" + \"!\""]}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 2}
            """);
        Assert.Equal(0, RunCommand.Execute(["--html", folder], new StringWriter()));
        var notebook = NotebookJson.Load(path);
        Assert.Equal(["cell-1", "cell-2"], notebook["cells"]!.AsArray().Select(c => (string?)c!["id"]));
        Assert.Contains("&lt;b&gt;!", File.ReadAllText(Path.Combine(folder, "small.html")));
        NbformatValidator.AssertValid(path);
    }

    [Fact]
    public void Epilogue_ReadsTheNotebooksVariables_AndLeavesTheNotebookUnchanged()
    {
        string folder = TestNotebookFolder.Shared;
        string notebook = Path.Combine(folder, TestNotebookFolder.FeaturesNotebook);
        string plain = Path.Combine(folder, "without-epilogue");
        string withEpilogue = Path.Combine(folder, "with-epilogue");
        Assert.True(NotebookRunner.Run(notebook, new RunOptions { AllowErrors = true, OutputDirectory = plain }).Succeeded);
        var run = NotebookRunner.Run(notebook, new RunOptions
        {
            AllowErrors = true, OutputDirectory = withEpilogue, Epilogue = "Console.Write(\"printed\"); 20 + Probe.Answer.Value",
        });

        Assert.True(run.Succeeded, run.Failure);
        Assert.Equal("printed", run.EpilogueOutputs.OfType<RnnLab.Kernel.Execution.StreamOutput>().Single().Text);
        Assert.Equal("62", run.EpilogueOutputs.OfType<RnnLab.Kernel.Execution.ExecuteResultOutput>().Single().Data["text/plain"]);
        Assert.Equal(File.ReadAllText(Path.Combine(plain, TestNotebookFolder.FeaturesNotebook)),
                     File.ReadAllText(Path.Combine(withEpilogue, TestNotebookFolder.FeaturesNotebook)));
    }

    [Fact]
    public void FailingEpilogue_FailsTheRun_WithItsError()
    {
        string folder = TestNotebookFolder.Shared;
        var run = NotebookRunner.Run(Path.Combine(folder, TestNotebookFolder.FeaturesNotebook), new RunOptions
        {
            AllowErrors = true, OutputDirectory = Path.Combine(folder, "failing-epilogue"), Epilogue = "undefinedVariable + 1",
        });

        Assert.False(run.Succeeded);
        Assert.Contains("the epilogue failed", run.Failure);
        Assert.Contains("undefinedVariable", run.Failure);
        Assert.Null(run.WrittenTo);
    }
}
