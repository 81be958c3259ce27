namespace RnnLab.Kernel.Notebooks;

/// <summary>What running one notebook did. <see cref="FailedCell"/> is the 1-based code cell that stopped the run.</summary>
public sealed record NotebookRunResult(string Path, int CellsExecuted, int? FailedCell, string? Failure, string? WrittenTo)
{
    public bool Succeeded => Failure is null;

    /// <summary>A timed-out cell ignored its cancellation and still runs: nothing else may run in this process.</summary>
    public bool LeftCellRunning { get; init; }

    /// <summary>What <see cref="RunOptions.Epilogue"/> displayed and printed; empty without one.</summary>
    public IReadOnlyList<Execution.CellOutput> EpilogueOutputs { get; init; } = [];
}
