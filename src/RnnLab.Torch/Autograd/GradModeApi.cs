using RnnLab.Torch.Autograd;

namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>A scope in which no op is recorded: <c>using (torch.no_grad()) { ... }</c>.</summary>
    public static IDisposable no_grad() => GradMode.Set(false);

    /// <summary>A scope in which recording is on again (inside a no_grad scope).</summary>
    public static IDisposable enable_grad() => GradMode.Set(true);

    /// <summary>Sets recording on or off for this thread; dispose the result to restore.</summary>
    public static IDisposable set_grad_enabled(bool enabled) => GradMode.Set(enabled);

    /// <summary>Whether ops on this thread are recorded.</summary>
    public static bool is_grad_enabled() => GradMode.IsEnabled;
}
