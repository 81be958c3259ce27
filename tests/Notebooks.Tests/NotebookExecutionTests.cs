using RnnLab.Kernel;
using RnnLab.Kernel.Execution;
using RnnLab.Kernel.Notebooks;

namespace Notebooks.Tests;

/// <summary>
/// The notebooks run top to bottom with the kernel's in-process runner (what the README's main
/// command does), and the helper library loads with the one line every notebook starts with.
/// </summary>
[Collection(nameof(NotebookExecutionTests))]
public class NotebookExecutionTests
{
    /// <summary>The first line of every notebook's first code cell.</summary>
    public const string LoadHelperLibrary = "#:project ../src/RnnLab";

    [Fact]
    public void HelperLibrary_LoadsWithOneLine_FromTheNotebooksFolder()
    {
        string notebooks = Path.Combine(CollectionTests.RepositoryRoot(), "notebooks");
        var session = new ExecutionSession(new ExecutionSessionOptions { WorkingDirectory = notebooks });
        var outputs = new List<CellOutput>();
        var result = session.Execute(LoadHelperLibrary + "\nSystem.Reflection.Assembly.Load(\"RnnLab\").GetName().Name", outputs.Add, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, string.Join("\n", outputs.OfType<ErrorOutput>().SelectMany(e => e.Traceback)));
        Assert.Equal("RnnLab", outputs.OfType<ExecuteResultOutput>().Single().Data[MimeTypes.PlainText]);
    }

    [Fact]
    public void EveryNotebook_RunsTopToBottom()
    {
        string notebooks = Path.Combine(CollectionTests.RepositoryRoot(), "notebooks");
        string output = Directory.CreateTempSubdirectory("rnnlab-notebooks-run-").FullName;
        var failures = RunCommand.FindNotebooks([notebooks])
            .Select(path => NotebookRunner.Run(path, new RunOptions { OutputDirectory = output, CellTimeout = TimeSpan.FromMinutes(10) }))
            .Where(run => !run.Succeeded)
            .Select(run => $"{Path.GetFileName(run.Path)}: {run.Failure}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
