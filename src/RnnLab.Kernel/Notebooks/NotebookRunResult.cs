namespace RnnLab.Kernel.Notebooks;

/// <summary>What running one notebook did. <see cref="FailedCell"/> is the 1-based code cell that stopped the run.</summary>
public sealed record NotebookRunResult(string Path, int CellsExecuted, int? FailedCell, string? Failure, string? WrittenTo)
{
    public bool Succeeded => Failure is null;
}
