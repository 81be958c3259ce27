using System.Diagnostics;
using RnnLab.Kernel.Notebooks;
using RnnLab.Testing;

namespace Notebooks.Tests;

/// <summary>
/// Regression check (a): each notebook, executed in-process by the kernel's runner, passes its
/// check cells and reproduces the committed outputs (after masking, see OutputMasking). Shares a
/// collection with the other runner tests: the runner sets the process's current directory.
/// </summary>
[Collection(nameof(NotebookExecutionTests))]
public class ExecutedOutputsTests
{
    /// <summary>The budget per notebook, enforced where the machine is not shared (CI).</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    /// <summary>Builds the helper library once (the first #:project), so each timing below is the notebook's own.</summary>
    private static readonly Lazy<bool> HelperLibraryBuilt = new(() =>
        new RnnLab.Kernel.Execution.ExecutionSession(new() { WorkingDirectory = CommittedNotebooks.Folder })
            .Execute(NotebookExecutionTests.LoadHelperLibrary, _ => { }).Succeeded);

    [Theory]
    [MemberData(nameof(CommittedNotebooks.All), MemberType = typeof(CommittedNotebooks))]
    public void Notebook_PassesItsChecks_AndReproducesItsCommittedOutputs(string name)
    {
        string output = Directory.CreateTempSubdirectory("rnnlab-executed-").FullName;
        _ = HelperLibraryBuilt.Value;
        var clock = Stopwatch.StartNew();
        var run = NotebookRunner.Run(Path.Combine(CommittedNotebooks.Folder, name), new RunOptions { OutputDirectory = output, CellTimeout = TimeSpan.FromMinutes(5) });
        clock.Stop();
        Assert.True(run.Succeeded, $"{name}: {run.Failure}");
        var executed = NotebookJson.Load(run.WrittenTo!);
        CommittedNotebooks.AssertChecksPassed(name, executed);
        CommittedNotebooks.AssertSameOutputs(name, executed, "executed in-process");
        TestContext.Current.SendDiagnosticMessage($"{name}: {clock.Elapsed.TotalSeconds:F1} s");
        if (Requires.InCi)
            Assert.True(clock.Elapsed <= Budget, $"{name} took {clock.Elapsed.TotalSeconds:F1} s; the budget is {Budget.TotalSeconds} s per notebook");
    }
}
