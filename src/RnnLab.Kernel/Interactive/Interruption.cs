using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Interactive;

/// <summary>
/// The check the kernel weaves into every loop of a cell (see <see cref="LoopInterruptionRewriter"/>):
/// .NET cannot abort a thread, so a tight <c>while (true) { }</c> stops by throwing from its own next
/// iteration. The check is one read of a static volatile flag (reading the cell's token through its
/// async-local channel made a tight loop about 20 times slower); the flag is raised when the running
/// cell's token is cancelled and cleared when the next cell starts, so threads the cell started stop too.
/// </summary>
public static class Interruption
{
    private static volatile bool s_raised;

    /// <summary>Throws <see cref="OperationCanceledException"/> once the running cell is interrupted.</summary>
    public static void Check()
    {
        if (s_raised) Throw();
    }

    /// <summary>Arms the flag for a cell that is starting: cleared now, raised when <paramref name="cancellation"/> fires.</summary>
    internal static CancellationTokenRegistration BeginCell(CancellationToken cancellation)
    {
        s_raised = false;
        return cancellation.Register(static () => s_raised = true);
    }

    private static void Throw() =>
        throw new OperationCanceledException("The cell was interrupted.", CellOutputChannel.Current?.Cancellation ?? CancellationToken.None);
}
