using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Interactive;

/// <summary>
/// The check the kernel compiles into every loop body and method body of a cell (see
/// <see cref="Interrupts.InterruptCheckInserter"/>): .NET cannot abort a thread, so a busy loop
/// stops by throwing from its own next iteration. The flag is process-wide so threads the cell
/// started stop too; it stays raised until the next cell starts, so a catch-all in user code
/// cannot swallow the interrupt for long (the next check throws again).
/// </summary>
public static class Interruption
{
    private static volatile bool s_raised;

    /// <summary>Throws <see cref="OperationCanceledException"/> when the running cell was interrupted. Costs one volatile read.</summary>
    public static void Check()
    {
        if (s_raised) Throw();
    }

    /// <summary>True while the running cell is being interrupted.</summary>
    public static bool IsRaised => s_raised;

    /// <summary>Arms the flag for a new cell: cleared now, raised when <paramref name="cancellation"/> fires.</summary>
    internal static CancellationTokenRegistration BeginCell(CancellationToken cancellation)
    {
        s_raised = false;
        return cancellation.Register(() => s_raised = true);
    }

    private static void Throw() => throw new OperationCanceledException("The cell was interrupted.", CellOutputChannel.Current?.Cancellation ?? CancellationToken.None);
}
