using System.Globalization;

namespace RnnLab;

/// <summary>
/// A training progress bar: label, a bar, epochs done and the latest loss. Deterministic text (no
/// timings), so a saved notebook shows the same final bar on every run.
/// </summary>
public sealed class ProgressBar
{
    private const int BarWidth = 24;

    /// <summary>A bar at <paramref name="done"/> of <paramref name="total"/> steps.</summary>
    public ProgressBar(string label, int done, int total, double? loss)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(total, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(done);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(done, total);
        Label = label;
        Done = done;
        Total = total;
        Loss = loss;
    }

    /// <summary>What is being trained.</summary>
    public string Label { get; }

    /// <summary>Steps (epochs) completed.</summary>
    public int Done { get; }

    /// <summary>Steps planned.</summary>
    public int Total { get; }

    /// <summary>The loss after the last completed step, if any.</summary>
    public double? Loss { get; }

    /// <summary>e.g. "char RNN [############------------]  50/100  loss 0.9832".</summary>
    public override string ToString()
    {
        int filled = (int)((long)Done * BarWidth / Total);
        string bar = new string('#', filled) + new string('-', BarWidth - filled);
        string count = Done.ToString(CultureInfo.InvariantCulture).PadLeft(Total.ToString(CultureInfo.InvariantCulture).Length);
        string loss = Loss is double l ? $"  loss {Numbers.Format(l)}" : "";
        return $"{Label} [{bar}] {count}/{Total}{loss}";
    }

    /// <summary>An HTML progress element with the same words beside it.</summary>
    public string ToHtml()
    {
        string loss = Loss is double l ? $" &middot; loss {Html.Escape(Numbers.Format(l))}" : "";
        return $"<div class=\"rnnlab-progress\"><progress value=\"{Done}\" max=\"{Total}\" style=\"width:16em\"></progress> "
             + $"<span>{Html.Escape(Label)}: {Done}/{Total}{loss}</span></div>";
    }

    /// <summary>Shown in a notebook as the HTML bar, with the text bar as the plain form.</summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle() => new Dictionary<string, string>
    {
        ["text/plain"] = ToString(),
        ["text/html"] = ToHtml(),
    };
}
