using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Interactive;

/// <summary>What display(...) returns: <see cref="Update"/> replaces that output in place (progress, live tables).</summary>
public sealed class DisplayHandle
{
    internal DisplayHandle(string displayId) => DisplayId = displayId;

    /// <summary>The transient id front ends use to find the output again.</summary>
    public string DisplayId { get; }

    /// <summary>Re-formats <paramref name="value"/> and replaces the displayed output with it.</summary>
    public void Update(object? value)
    {
        var channel = CellOutputChannel.Current;
        if (channel is null)
        {
            Console.WriteLine(PlainTextFormatter.Format(value));
            return;
        }
        channel.Publish(new UpdateDisplayDataOutput(ValueFormatter.Format(value), DisplayId));
    }

    public override string ToString() => $"display {DisplayId}";
}
