using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Interactive;

/// <summary>
/// The check the kernel weaves into every loop of a cell (see <see cref="LoopInterruptionRewriter"/>):
/// .NET cannot abort a thread, so a tight <c>while (true) { }</c> stops by observing the cell's token.
/// </summary>
public static class Interruption
{
    /// <summary>Throws <see cref="OperationCanceledException"/> once the running cell is interrupted.</summary>
    public static void Check() => CellOutputChannel.Current?.Cancellation.ThrowIfCancellationRequested();
}
