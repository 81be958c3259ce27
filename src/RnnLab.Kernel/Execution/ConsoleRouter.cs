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

    /// <summary>
    /// Console.ReadLine in a cell becomes an input box in the front end when it allows stdin;
    /// unattended runs (nbconvert, the run command) fail fast with a clear message instead of hanging.
    /// </summary>
    private sealed class UnavailableStdinReader : TextReader
    {
        private const string NoCell = "Reading standard input is only possible inside a running cell.";
        private string _rest = "";

        public override string ReadLine()
        {
            if (_rest.Length > 0)
            {
                string line = _rest.TrimEnd('\n');
                _rest = "";
                return line;
            }
            var channel = CellOutputChannel.Current ?? throw new InvalidOperationException(NoCell);
            return channel.ReadLine("", password: false);
        }

        public override int Read()
        {
            if (_rest.Length == 0) _rest = ReadLine() + "\n";
            char next = _rest[0];
            _rest = _rest[1..];
            return next;
        }

        public override int Peek()
        {
            if (_rest.Length == 0) _rest = ReadLine() + "\n";
            return _rest[0];
        }

        public override string ReadToEnd() => ReadLine();
    }
}
