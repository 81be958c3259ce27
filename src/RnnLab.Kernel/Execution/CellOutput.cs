namespace RnnLab.Kernel.Execution;

/// <summary>
/// One output of a running cell, in Jupyter's vocabulary. The kernel turns these into iopub
/// messages, the runner into nbformat outputs; the core knows neither.
/// </summary>
public abstract record CellOutput;

/// <summary>Text written to stdout or stderr (coalesced writes).</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A displayed value; <paramref name="DisplayId"/> lets later updates replace it.</summary>
public sealed record DisplayDataOutput(IReadOnlyDictionary<string, string> Data, string? DisplayId) : CellOutput;

/// <summary>Replaces the data of every earlier display with the same id.</summary>
public sealed record UpdateDisplayDataOutput(IReadOnlyDictionary<string, string> Data, string DisplayId) : CellOutput;

/// <summary>The value of the cell's trailing expression.</summary>
public sealed record ExecuteResultOutput(IReadOnlyDictionary<string, string> Data, int ExecutionCount) : CellOutput;

/// <summary>A failed cell: exception type (or error kind), message and readable traceback lines.</summary>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;

/// <summary>Clears the cell's outputs; with <paramref name="Wait"/> only when the next output arrives.</summary>
public sealed record ClearOutputOutput(bool Wait) : CellOutput;
