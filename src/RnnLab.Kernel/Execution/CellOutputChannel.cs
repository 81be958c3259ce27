using System.Text;

namespace RnnLab.Kernel.Execution;

/// <summary>
/// Where everything a running cell emits goes: Console text is buffered and coalesced into
/// stream outputs (flushed on a short timer for live progress, and before every display so the
/// order is kept); displays pass straight through. Past <see cref="StreamCharacterLimit"/> the
/// cell's text is dropped and a notice says how much, so a runaway print cannot drown the front end.
/// </summary>
public sealed class CellOutputChannel : IDisposable
{
    /// <summary>Characters of stdout+stderr kept per cell (about 1 MB of text).</summary>
    public const int StreamCharacterLimit = 1_000_000;

    /// <summary>Coalescing window: long enough to merge bursts of writes, short enough to feel live.</summary>
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);
    private const int FlushThreshold = 64 * 1024;

    private static readonly AsyncLocal<CellOutputChannel?> CurrentInFlow = new();
    private static volatile CellOutputChannel? s_running;

    private readonly Action<CellOutput> _publish;
    private readonly object _gate = new();
    private readonly StringBuilder _pending = new();
    private readonly Timer _flushTimer;
    private string? _pendingName;
    private long _keptCharacters;
    private long _droppedCharacters;
    private string? _truncatedStream;
    private bool _completed;
    private int _nextDisplay;

    public CellOutputChannel(Action<CellOutput> publish, string displayIdPrefix, CancellationToken cancellation)
    {
        _publish = publish;
        DisplayIdPrefix = displayIdPrefix;
        Cancellation = cancellation;
        _flushTimer = new Timer(_ => Flush(), null, FlushInterval, FlushInterval);
    }

    /// <summary>The channel of the cell whose code is calling: the async flow's own cell, else the running cell
    /// (threads the cell started outside its async flow still reach the right output).</summary>
    public static CellOutputChannel? Current
    {
        get
        {
            var own = CurrentInFlow.Value;
            if (own is { _completed: false }) return own;
            var running = s_running;
            return running is { _completed: false } ? running : null;
        }
    }

    /// <summary>Prefix that makes display ids unique to this kernel process (ids are transient, never saved).</summary>
    public string DisplayIdPrefix { get; }

    /// <summary>Cancelled when the cell is interrupted or times out.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Asks the front end for a line of input (prompt, password); null when it cannot (allow_stdin=false, nbconvert, run).</summary>
    public Func<string, bool, string>? ReadInput { get; init; }

    /// <summary>Reads a line from the front end, after publishing the text printed so far (it may be the prompt).</summary>
    public string ReadLine(string prompt, bool password)
    {
        if (ReadInput is null)
            throw new InvalidOperationException(
                "Reading input is not available here: the front end running this cell does not provide an input box (for example nbconvert or the run command).");
        Flush();
        return ReadInput(prompt, password);
    }

    /// <summary>Makes this the current cell for the calling flow and for stray threads.</summary>
    public void Enter()
    {
        CurrentInFlow.Value = this;
        s_running = this;
    }

    /// <summary>A new display id for display(...) handles.</summary>
    public string NewDisplayId() => $"{DisplayIdPrefix}-{Interlocked.Increment(ref _nextDisplay)}";

    /// <summary>Appends console text, coalescing with the pending text of the same stream.</summary>
    public void WriteStream(string name, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_completed) return;
            if (_truncatedStream is not null)
            {
                _droppedCharacters += text.Length;
                return;
            }
            long room = StreamCharacterLimit - _keptCharacters;
            if (text.Length > room)
            {
                _droppedCharacters += text.Length - room;
                text = text[..(int)room];
                _truncatedStream = name;
            }
            if (_pendingName != name) FlushLocked();
            _pendingName = name;
            _pending.Append(text);
            _keptCharacters += text.Length;
            if (_pending.Length >= FlushThreshold) FlushLocked();
        }
    }

    /// <summary>Publishes a non-stream output after the text written before it.</summary>
    public void Publish(CellOutput output)
    {
        lock (_gate)
        {
            if (_completed) return;
            FlushLocked();
            _publish(output);
        }
    }

    /// <summary>Publishes pending console text now.</summary>
    public void Flush()
    {
        lock (_gate) FlushLocked();
    }

    /// <summary>Flushes, adds the truncation notice if any, and stops accepting output.</summary>
    public void Complete()
    {
        _flushTimer.Dispose();
        lock (_gate)
        {
            if (_completed) return;
            FlushLocked();
            if (_truncatedStream is not null)
                _publish(new StreamOutput(_truncatedStream,
                    $"\n[output truncated: this cell printed more than {StreamCharacterLimit:N0} characters; " +
                    $"{_droppedCharacters:N0} more were dropped]\n"));
            _completed = true;
        }
        if (s_running == this) s_running = null;
    }

    public void Dispose() => Complete();

    private void FlushLocked()
    {
        if (_pending.Length == 0 || _completed) return;
        _publish(new StreamOutput(_pendingName!, _pending.ToString()));
        _pending.Clear();
    }
}
