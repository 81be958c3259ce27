namespace RnnLab.Torch.Autograd;

/// <summary>Whether ops record the graph. Per thread, as in PyTorch.</summary>
public static class GradMode
{
    [ThreadStatic] private static bool _disabled;

    /// <summary>True unless inside a no_grad() scope on this thread.</summary>
    public static bool IsEnabled => !_disabled;

    /// <summary>Sets the mode and returns a scope that restores the previous one when disposed.</summary>
    internal static IDisposable Set(bool enabled)
    {
        bool previous = !_disabled;
        _disabled = !enabled;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            _disabled = !previous;
        }
    }
}
