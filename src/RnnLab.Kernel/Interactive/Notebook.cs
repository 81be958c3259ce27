using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Interactive;

/// <summary>
/// Display operations on the running cell. Cells reach them unqualified through
/// <see cref="KernelGlobals"/> (display, HTML, Markdown, ClearOutput) and through
/// <see cref="DisplayExtensions.Display"/>. Outside a cell they print plain text.
/// </summary>
public static class Notebook
{
    /// <summary>Shows <paramref name="value"/> now, as its own output, and returns a handle to update it.</summary>
    public static DisplayHandle Display(object? value)
    {
        var channel = CellOutputChannel.Current;
        if (channel is null)
        {
            Console.WriteLine(PlainTextFormatter.Format(value));
            return new DisplayHandle("none");
        }
        var handle = new DisplayHandle(channel.NewDisplayId());
        channel.Publish(new DisplayDataOutput(ValueFormatter.Format(value), handle.DisplayId));
        return handle;
    }

    /// <summary>Clears the cell's outputs so far; with <paramref name="wait"/>, when the next output arrives (no flicker).</summary>
    public static void ClearOutput(bool wait = false) => CellOutputChannel.Current?.Publish(new ClearOutputOutput(wait));

    /// <summary>
    /// The library-side display slot (see README): (value, displayId, isUpdate). Library ids are
    /// prefixed with the kernel's so two kernel runs never update each other's outputs.
    /// </summary>
    internal static void PublishFromLibrary(object value, string displayId, bool isUpdate)
    {
        var channel = CellOutputChannel.Current;
        if (channel is null)
        {
            Console.WriteLine(PlainTextFormatter.Format(value));
            return;
        }
        string id = $"{channel.DisplayIdPrefix}:{displayId}";
        var bundle = ValueFormatter.Format(value);
        channel.Publish(isUpdate ? new UpdateDisplayDataOutput(bundle, id) : new DisplayDataOutput(bundle, id));
    }
}
