using RnnLab.Kernel;

namespace Notebooks.Tests;

public class CollectionTests
{
    /// <summary>The repository root, found from the test's working folder.</summary>
    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Notebooks.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Notebooks.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void NotebooksFolder_Exists_AndHoldsNoCheckpoints()
    {
        string folder = Path.Combine(RepositoryRoot(), "notebooks");
        Assert.True(Directory.Exists(folder));
        Assert.DoesNotContain(RunCommand.FindNotebooks([folder]), p => p.Contains(".ipynb_checkpoints"));
    }
}
