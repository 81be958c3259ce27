namespace RnnLab.Kernel.Execution;

/// <summary>
/// Wakes the cell's thread from Sleep, Wait or Join (<see cref="Thread.Interrupt"/>) when the cell's token
/// is cancelled, but only while the cell's own code runs. An interrupt that lands after that, in the
/// kernel's bookkeeping (a contended lock while publishing the reply), would escape as a kernel failure
/// and leave the request unanswered; after <see cref="Dispose"/> none is pending and none can arrive.
/// </summary>
internal sealed class CellThreadWaker : IDisposable
{
    private readonly object _gate = new();
    private readonly CancellationTokenRegistration _registration;
    private Thread? _cellThread;

    /// <summary>Starts waking the calling thread on cancellation (at once if the token is already cancelled).</summary>
    public CellThreadWaker(CancellationToken cancellation)
    {
        _cellThread = Thread.CurrentThread;
        _registration = cancellation.Register(static state => ((CellThreadWaker)state!).Wake(), this);
    }

    private void Wake()
    {
        lock (_gate) _cellThread?.Interrupt();
    }

    /// <summary>Called on the cell's thread when its code has finished.</summary>
    public void Dispose()
    {
        // Unregister does not wait for a callback in progress (Dispose would, in an interruptible spin); the gate does.
        _registration.Unregister();
        while (true)
        {
            try
            {
                lock (_gate) _cellThread = null;
                break;
            }
            catch (ThreadInterruptedException)
            {
                // Wake held the gate and interrupted us while we waited for it: meant for the code that just ended.
            }
        }
        try
        {
            Thread.Sleep(0);
        }
        catch (ThreadInterruptedException)
        {
            // An interrupt delivered before the gate closed, not yet observed.
        }
    }
}
