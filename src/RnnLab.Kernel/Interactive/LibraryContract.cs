using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Interactive;

/// <summary>
/// Publishes the two AppContext slots libraries use to reach the notebook without referencing
/// the kernel (README, "Library contract"): "RnnLab.Display" and "RnnLab.Cancellation".
/// </summary>
public static class LibraryContract
{
    public const string DisplaySlot = "RnnLab.Display";
    public const string CancellationSlot = "RnnLab.Cancellation";

    /// <summary>Fills both slots; idempotent.</summary>
    public static void Publish()
    {
        AppContext.SetData(DisplaySlot, (Action<object, string, bool>)Notebook.PublishFromLibrary);
        AppContext.SetData(CancellationSlot,
            (Func<CancellationToken>)(() => CellOutputChannel.Current?.Cancellation ?? CancellationToken.None));
    }
}
