using System.Diagnostics;
using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Packages;

/// <summary>
/// A first restore can take minutes (TorchSharp-cpu downloads about 280 MB): after a second without an answer the
/// cell shows a line that says what is happening and redraws it each second, instead of minutes of silence. When the
/// restore ends the line is cleared, so a saved notebook looks the same whether its packages were cached or not.
/// </summary>
internal sealed class RestoreProgress : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly CellOutputChannel _channel;
    private readonly string _what;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly object _gate = new();
    private string? _displayId;
    private string _latest = "";
    private bool _disposed;

    public RestoreProgress(CellOutputChannel channel, string what)
    {
        _channel = channel;
        _what = what;
        _timer = new Timer(_ => Redraw(), null, Delay, Interval);
    }

    /// <summary>What the restore reports (packages downloaded so far); shown at the next redraw.</summary>
    public void Report(string progress)
    {
        lock (_gate) _latest = progress;
    }

    private void Redraw()
    {
        lock (_gate)
        {
            if (_disposed) return;
            string text = $"Restoring {_what}: {_clock.Elapsed.TotalSeconds:0} s"
                + (_latest.Length > 0 ? $", {_latest}" : "") + ". A first restore downloads the packages once per machine.";
            var bundle = new Dictionary<string, string> { [MimeTypes.PlainText] = text };
            if (_displayId is null)
            {
                _displayId = _channel.NewDisplayId();
                _channel.Publish(new DisplayDataOutput(bundle, _displayId));
            }
            else _channel.Publish(new UpdateDisplayDataOutput(bundle, _displayId));
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            if (_displayId is not null) _channel.Publish(new ClearOutputOutput(Wait: false));
        }
    }
}
