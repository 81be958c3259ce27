namespace RnnLab.Kernel.Tests;

/// <summary>
/// Tests that run notebooks in-process: the runner sets the process's current directory to the
/// notebook's folder (cells read files relative to it, as under Jupyter), so they must not run
/// beside tests that spawn builds or resolve paths at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideStateCollection
{
    public const string Name = "process-wide state (current directory)";
}
