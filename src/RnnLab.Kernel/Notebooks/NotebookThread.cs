using System.Collections.Concurrent;
using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Notebooks;

/// <summary>
/// The one thread every cell of a notebook runs on, as in the kernel: TorchSharp's grad mode
/// (<c>torch.no_grad</c>, <c>set_grad_enabled</c>) and its dispose scopes are per thread, so a thread per cell
/// would make a notebook behave differently under <c>run</c> than in Jupyter. The caller waits for each cell with
/// the run's timeout and cancels it when the timeout passes.
/// </summary>
internal sealed class NotebookThread : IDisposable
{
    private const int StackBytes = 16 * 1024 * 1024;
    /// <summary>How long a cancelled cell gets to stop (library loops check the token once per step).</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly BlockingCollection<Action> _work = new();

    public NotebookThread()
    {
        new Thread(() =>
        {
            foreach (var item in _work.GetConsumingEnumerable()) item();
        }, StackBytes) { IsBackground = true, Name = "notebook cells" }.Start();
    }

    /// <summary>False once a cell ignored its cancellation: the thread is still busy with it and takes no more cells.</summary>
    public bool IsUsable { get; private set; } = true;

    /// <summary>Runs one cell; on timeout cancels it, and TimedOut is true with the result if it stopped in time.</summary>
    public (CellResult? Result, bool TimedOut) Execute(ExecutionSession session, string source, Action<CellOutput> publish, TimeSpan? timeout)
    {
        if (!IsUsable) throw new InvalidOperationException("a cell of this notebook never stopped; no more cells can run on its thread.");
        using var cancellation = new CancellationTokenSource();
        using var done = new ManualResetEventSlim();
        CellResult? result = null;
        _work.Add(() =>
        {
            result = session.Execute(source, publish, cancellation.Token);
            done.Set();
        });
        if (timeout is null)
        {
            done.Wait();
            return (result, false);
        }
        if (done.Wait(timeout.Value)) return (result, false);
        // Cooperative code (loops, library steps, Sleep) stops on the token; anything else keeps the thread.
        cancellation.Cancel();
        if (done.Wait(StopGrace)) return (result, true);
        IsUsable = false;
        return (null, true);
    }

    public void Dispose() => _work.CompleteAdding();
}
