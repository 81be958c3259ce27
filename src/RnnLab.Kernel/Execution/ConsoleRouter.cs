using System.Text;

namespace RnnLab.Kernel.Execution;

/// <summary>
/// Replaces Console.Out/Error/In once per process. Writes go to the current cell's channel
/// (see <see cref="CellOutputChannel.Current"/>), or to the real console when no cell runs, so
/// the kernel's own logging and stray late writes are never lost. Reading stdin fails fast with a
/// clear message instead of hanging a notebook run.
/// </summary>
public static class ConsoleRouter
{
    private static readonly object Gate = new();
    private static TextWriter? s_originalOut;
    private static TextWriter? s_originalError;

    /// <summary>The process's real stdout (before routing).</summary>
    public static TextWriter OriginalOut => s_originalOut ?? Console.Out;

    /// <summary>The process's real stderr (before routing): the kernel's log.</summary>
    public static TextWriter OriginalError => s_originalError ?? Console.Error;

    /// <summary>Installs the routing writers; idempotent.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (s_originalOut is not null) return;
            s_originalOut = Console.Out;
            s_originalError = Console.Error;
            Console.SetOut(new RoutingWriter("stdout", s_originalOut));
            Console.SetError(new RoutingWriter("stderr", s_originalError));
            Console.SetIn(new UnavailableStdinReader());
        }
    }

    /// <summary>Sends text to the current cell's stream, or to the real console outside cells.</summary>
    private sealed class RoutingWriter(string streamName, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            var channel = CellOutputChannel.Current;
            if (channel is not null) channel.WriteStream(streamName, value);
            else lock (fallback) fallback.Write(value);
        }

        public override void WriteLine(string? value) => Write(value + new string(CoreNewLine));

        public override void Flush()
        {
            var channel = CellOutputChannel.Current;
            if (channel is not null) channel.Flush();
            else lock (fallback) fallback.Flush();
        }
    }

    /// <summary>Notebook front ends that run cells unattended (nbconvert) give no stdin; say so instead of hanging.</summary>
    private sealed class UnavailableStdinReader : TextReader
    {
        private const string Message =
            "Reading standard input is not available here: the notebook front end does not provide an input box for this cell.";

        public override int Peek() => throw new InvalidOperationException(Message);
        public override int Read() => throw new InvalidOperationException(Message);
        public override string ReadLine() => throw new InvalidOperationException(Message);
        public override string ReadToEnd() => throw new InvalidOperationException(Message);
    }
}
