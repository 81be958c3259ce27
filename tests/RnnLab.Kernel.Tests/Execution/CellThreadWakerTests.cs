using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Tests.Execution;

public class CellThreadWakerTests
{
    [Fact]
    public void CancellingWhileActive_WakesASleepOnTheCellThread()
    {
        using var cancellation = new CancellationTokenSource();
        using (new CellThreadWaker(cancellation.Token))
        {
            cancellation.CancelAfter(50);
            Assert.Throws<ThreadInterruptedException>(() => Thread.Sleep(30_000));
        }
    }

    [Fact]
    public void AnInterruptDeliveredButNotObserved_DoesNotOutliveTheWaker()
    {
        using var cancellation = new CancellationTokenSource();
        using (new CellThreadWaker(cancellation.Token))
            cancellation.Cancel(); // the interrupt is now pending on this thread
        Thread.Sleep(10); // throws ThreadInterruptedException if it leaked
    }

    [Fact]
    public void CancellingAfterDispose_DoesNotInterrupt()
    {
        using var cancellation = new CancellationTokenSource();
        new CellThreadWaker(cancellation.Token).Dispose();
        cancellation.Cancel();
        Thread.Sleep(10);
    }

    [Fact]
    public void ACancelRacingTheEndOfTheCell_NeverLeaksAnInterrupt()
    {
        // The other thread cancels while this one is leaving the waker: over many rounds every timing
        // (before, during and after Dispose) occurs, and none may leave an interrupt behind.
        for (int round = 0; round < 2000; round++)
        {
            using var cancellation = new CancellationTokenSource();
            using var ready = new Barrier(2);
            var canceller = new Thread(() =>
            {
                ready.SignalAndWait(TestContext.Current.CancellationToken);
                Thread.SpinWait(Random.Shared.Next(0, 2000));
                cancellation.Cancel();
            });
            canceller.Start();
            var waker = new CellThreadWaker(cancellation.Token);
            ready.SignalAndWait(TestContext.Current.CancellationToken);
            Thread.SpinWait(Random.Shared.Next(0, 2000));
            waker.Dispose();
            canceller.Join();
            Thread.Sleep(0); // throws ThreadInterruptedException if it leaked
        }
    }
}
