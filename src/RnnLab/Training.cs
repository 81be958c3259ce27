namespace RnnLab;

/// <summary>
/// The epoch loop every training cell needs, with a progress bar that updates in place inside a
/// notebook (a single output, not a hundred printed lines) and plain text lines elsewhere. The
/// lesson, one epoch's forward/backward/step, stays in the notebook as the step function.
/// </summary>
public static class Training
{
    /// <summary>
    /// Runs <paramref name="step"/> for epochs 1..<paramref name="epochs"/>; each call trains one
    /// epoch and returns its loss. The bar is refreshed <paramref name="updates"/> times in all (plus
    /// the last epoch), so a long run does not flood the notebook. An interrupt of the running cell
    /// stops the loop between epochs with OperationCanceledException.
    /// </summary>
    public static LossHistory Run(int epochs, Func<int, double> step, string label = "training", int updates = 20, TextWriter? console = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(updates, 1);
        var history = new LossHistory(label);
        var cancellation = LiveDisplay.CellCancellation;
        string displayId = DisplayIdFor(label);
        bool live = LiveDisplay.Show(new ProgressBar(label, 0, epochs, null), displayId, isUpdate: false);
        int every = Math.Max(1, epochs / updates);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            double loss = step(epoch);
            history.Add(loss);
            if (epoch % every != 0 && epoch != epochs) continue;
            var bar = new ProgressBar(label, epoch, epochs, loss);
            if (live) LiveDisplay.Show(bar, displayId, isUpdate: true);
            else (console ?? Console.Out).WriteLine(bar.ToString());
        }
        return history;
    }

    private static int _runs;

    /// <summary>
    /// A display id unique to this run: a later run with the same label (a rerun cell, a seed sweep)
    /// must not rewrite an earlier bar. Ids are transient (never saved), so the counter cannot make
    /// a saved notebook differ.
    /// </summary>
    internal static string DisplayIdFor(string label) =>
        "rnnlab-progress-" + string.Concat(label.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'))
        + "-" + Interlocked.Increment(ref _runs).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
