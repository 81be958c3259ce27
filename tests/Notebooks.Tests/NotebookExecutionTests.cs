using RnnLab.Kernel;
using RnnLab.Kernel.Execution;
using RnnLab.Kernel.Notebooks;

namespace Notebooks.Tests;

/// <summary>
/// The helper library loads with the one line every notebook starts with. (That every notebook
/// runs top to bottom with the in-process runner, and reproduces its outputs, is ExecutedOutputsTests.)
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
}
