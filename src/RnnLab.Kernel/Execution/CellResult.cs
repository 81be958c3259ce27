namespace RnnLab.Kernel.Execution;

/// <summary>How a cell ended. <see cref="Error"/> is set exactly when the cell failed.</summary>
public sealed record CellResult(int ExecutionCount, ErrorOutput? Error)
{
    /// <summary>True when the cell ran to completion.</summary>
    public bool Succeeded => Error is null;
}
