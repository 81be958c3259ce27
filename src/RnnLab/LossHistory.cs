namespace RnnLab;

/// <summary>The loss after each epoch of a training run, epoch 1 first.</summary>
public sealed class LossHistory
{
    private readonly List<double> _losses = [];

    /// <summary>An empty history named after what is being trained.</summary>
    public LossHistory(string label = "loss") => Label = label;

    /// <summary>A history holding these losses (epoch 1 first).</summary>
    public LossHistory(string label, IEnumerable<double> losses) : this(label) => _losses.AddRange(losses);

    /// <summary>What was trained; charts use it as the series name.</summary>
    public string Label { get; }

    /// <summary>Every recorded loss, epoch 1 first.</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>How many epochs were recorded.</summary>
    public int Count => _losses.Count;

    /// <summary>The loss after epoch 1.</summary>
    public double First => _losses.Count > 0 ? _losses[0] : throw new InvalidOperationException("the history is empty");

    /// <summary>The loss after the last epoch.</summary>
    public double Last => _losses.Count > 0 ? _losses[^1] : throw new InvalidOperationException("the history is empty");

    /// <summary>The loss after <paramref name="epoch"/> (1-based, as training logs count).</summary>
    public double AtEpoch(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(epoch, _losses.Count);
        return _losses[epoch - 1];
    }

    /// <summary>Appends the loss of the next epoch.</summary>
    public void Add(double loss) => _losses.Add(loss);

    /// <summary>The loss every <paramref name="every"/> epochs (and always the last), as a training log table.</summary>
    public Table ToTable(int every = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        var epochs = Enumerable.Range(1, Count).Where(e => e % every == 0 || e == 1 || e == Count);
        return new Table(["epoch", "loss"], epochs.Select(e => (IReadOnlyList<object?>)[e, _losses[e - 1]]), Label);
    }

    /// <summary>e.g. "char RNN: 100 epochs, loss 2.857 -> 0.1958".</summary>
    public override string ToString() => Count == 0
        ? $"{Label}: no epochs"
        : $"{Label}: {Count} epochs, loss {Numbers.Format(First)} -> {Numbers.Format(Last)}";
}
