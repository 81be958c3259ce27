namespace RnnLab.Kernel.Notebooks;

/// <summary>Options of the run command.</summary>
public sealed record RunOptions
{
    /// <summary>Write executed notebooks here instead of in place.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Keep going after a failing cell and still succeed (like nbconvert --allow-errors).</summary>
    public bool AllowErrors { get; init; }

    /// <summary>Longest a single cell may run; null means no limit.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>Also write a static .html next to each executed notebook.</summary>
    public bool Html { get; init; }

    /// <summary>
    /// Code run after the last cell, in the notebook's session (a regression check reading the notebook's
    /// variables, e.g. its numbers against the PyTorch twin's). Its outputs go to the result, not into the notebook.
    /// </summary>
    public string? Epilogue { get; init; }
}
