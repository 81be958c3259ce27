namespace RnnLab;

/// <summary>
/// The tiny contract between library code and the notebook it runs in, read from AppContext so
/// this library never references the kernel. Inside the kernel, "RnnLab.Display" holds an
/// Action(value, displayId, isUpdate) and "RnnLab.Cancellation" a Func returning the running
/// cell's CancellationToken; elsewhere both are absent and callers fall back to plain text.
/// </summary>
public static class LiveDisplay
{
    /// <summary>The AppContext key of the display callback.</summary>
    public const string DisplayKey = "RnnLab.Display";

    /// <summary>The AppContext key of the running cell's cancellation token source.</summary>
    public const string CancellationKey = "RnnLab.Cancellation";

    /// <summary>The kernel's display callback, or null outside a kernel.</summary>
    public static Action<object, string, bool>? Callback => AppContext.GetData(DisplayKey) as Action<object, string, bool>;

    /// <summary>True when values can be shown and updated in place.</summary>
    public static bool IsAvailable => Callback is not null;

    /// <summary>Shows (isUpdate false) or replaces (isUpdate true) the output with this display id.</summary>
    /// <returns>False outside a kernel, where nothing was shown.</returns>
    public static bool Show(object value, string displayId, bool isUpdate)
    {
        var callback = Callback;
        if (callback is null) return false;
        callback(value, displayId, isUpdate);
        return true;
    }

    /// <summary>The running cell's token (an interrupt cancels it), or None outside a kernel.</summary>
    public static CancellationToken CellCancellation =>
        AppContext.GetData(CancellationKey) is Func<CancellationToken> token ? token() : CancellationToken.None;
}
