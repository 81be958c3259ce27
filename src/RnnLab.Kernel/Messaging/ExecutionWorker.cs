using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Messaging;

/// <summary>
/// Runs execute_requests one after another on a dedicated thread, so the I/O thread keeps
/// answering control, interrupts and heartbeats while a cell runs. It never touches a socket:
/// everything it emits goes through <c>send</c> to the I/O thread's outbox.
/// </summary>
internal sealed class ExecutionWorker
{
    private const int StackBytes = 16 * 1024 * 1024;

    private readonly ExecutionSession _session;
    private readonly Action<OutgoingMessage> _send;
    private readonly ExecuteHistory _history;
    private readonly Action _deliverArrivedRequests;
    private readonly BlockingCollection<(JupyterMessage Request, long Sequence)> _queue = new();
    private readonly object _interruptGate = new();
    private readonly BlockingCollection<string> _inputReplies = new();
    private CancellationTokenSource? _running;
    private long _lastEnqueued;
    private long _abortThrough;
    private long _repliedThrough;
    private int _pending;

    /// <param name="deliverArrivedRequests">
    /// Returns once every request that has reached the kernel is in this worker's queue. After a
    /// stop_on_error failure the worker calls it before deciding what to abort, so a request that was
    /// sent before the failure but not yet read off the socket is aborted too.
    /// </param>
    public ExecutionWorker(ExecutionSession session, Action<OutgoingMessage> send, ExecuteHistory history, Action deliverArrivedRequests)
    {
        _session = session;
        _send = send;
        _history = history;
        _deliverArrivedRequests = deliverArrivedRequests;
        new Thread(Loop, StackBytes) { IsBackground = true, Name = "cell executor" }.Start();
    }

    /// <summary>True while a request is queued or running (the I/O loop then polls faster).</summary>
    public bool IsBusy => Volatile.Read(ref _pending) > 0;

    public void Enqueue(JupyterMessage request)
    {
        Interlocked.Increment(ref _pending);
        _queue.Add((request, Interlocked.Increment(ref _lastEnqueued)));
    }

    /// <summary>
    /// Cancels the running cell's token: library loops poll it through the RnnLab.Cancellation slot, and the
    /// session wakes the cell from Sleep/Wait while the cell's code runs. Harmless when no cell runs.
    /// </summary>
    public void Interrupt()
    {
        // The gate keeps the token from being disposed under Cancel; the worker never blocks on it while a cell runs.
        lock (_interruptGate) _running?.Cancel();
    }

    /// <summary>An input_reply from the front end, for the cell waiting in <see cref="RequestInput"/>.</summary>
    public void DeliverInput(string value) => _inputReplies.Add(value);

    /// <summary>Sends input_request on stdin (with the execute request's identities and header) and waits for the reply.</summary>
    private string RequestInput(JupyterMessage request, string prompt, bool password, CancellationToken cancellation)
    {
        while (_inputReplies.TryTake(out _)) { } // a stale reply must not answer this prompt
        _send(new OutgoingMessage(Channel.Stdin, "input_request", new JsonObject { ["prompt"] = prompt, ["password"] = password },
            request.Identities, request.HeaderBytes));
        return _inputReplies.Take(cancellation);
    }

    private void Loop()
    {
        _session.WarmUp();
        bool completionWarm = false;
        foreach (var (request, sequence) in _queue.GetConsumingEnumerable())
        {
            try
            {
                Execute(request, sequence);
                if (!completionWarm && _queue.Count == 0)
                {
                    completionWarm = true;
                    _session.WarmUpCompletion();
                }
            }
            catch (Exception e)
            {
                ConsoleRouter.OriginalError.WriteLine($"[rnnlab-kernel] execute failed unexpectedly: {e}");
                AnswerFailedRequest(request, sequence, e);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private void Execute(JupyterMessage request, long sequence)
    {
        var content = request.Content;
        string code = (string?)content["code"] ?? "";
        bool silent = (bool?)content["silent"] ?? false;
        bool storeHistory = !silent && ((bool?)content["store_history"] ?? true);
        bool stopOnError = (bool?)content["stop_on_error"] ?? true;
        bool allowStdin = (bool?)content["allow_stdin"] ?? false;

        Publish(request, "status", new JsonObject { ["execution_state"] = "busy" });
        if (sequence <= Interlocked.Read(ref _abortThrough))
        {
            // An earlier cell failed with stop_on_error: this queued request is not run (ipykernel's "aborted").
            Reply(request, sequence, new JsonObject { ["status"] = "aborted", ["execution_count"] = _session.ExecutionCount });
            Publish(request, "status", new JsonObject { ["execution_state"] = "idle" });
            return;
        }
        if (!silent)
            Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = _session.ExecutionCount + (storeHistory ? 1 : 0) });

        var cancellation = new CancellationTokenSource();
        lock (_interruptGate) _running = cancellation;
        CellResult result;
        try
        {
            result = _session.Execute(code, output =>
            {
                if (silent) return;
                var (type, body) = OutputMessages.From(output);
                Publish(request, type, body);
            }, cancellation.Token, storeHistory,
                allowStdin ? (prompt, password) => RequestInput(request, prompt, password, cancellation.Token) : null);
        }
        finally
        {
            lock (_interruptGate) _running = null;
            cancellation.Dispose();
        }

        if (result.Error is { } error)
        {
            var reply = OutputMessages.ErrorContent(error);
            reply["status"] = "error";
            reply["execution_count"] = result.ExecutionCount;
            Reply(request, sequence, reply);
            if (stopOnError)
            {
                _deliverArrivedRequests();
                Interlocked.Exchange(ref _abortThrough, Interlocked.Read(ref _lastEnqueued));
            }
        }
        else
            Reply(request, sequence, new JsonObject
            {
                ["status"] = "ok", ["execution_count"] = result.ExecutionCount,
                ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray(),
            });
        if (storeHistory) _history.Add(result.ExecutionCount, code, null);
        Publish(request, "status", new JsonObject { ["execution_state"] = "idle" });
    }

    /// <summary>
    /// A failure of the worker itself (never of the cell: the session turns those into errors) still answers
    /// the request, so the front end is not left waiting for a reply that never comes.
    /// </summary>
    private void AnswerFailedRequest(JupyterMessage request, long sequence, Exception failure)
    {
        if (Interlocked.Read(ref _repliedThrough) >= sequence) return;
        string message = $"The kernel failed while running this request ({failure.GetType().Name}: {failure.Message}).";
        Reply(request, sequence, new JsonObject
        {
            ["status"] = "error", ["execution_count"] = _session.ExecutionCount,
            ["ename"] = "KernelError", ["evalue"] = message, ["traceback"] = new JsonArray($"KernelError: {message}"),
        });
        Publish(request, "status", new JsonObject { ["execution_state"] = "idle" });
    }

    private void Publish(JupyterMessage parent, string type, JsonObject content) =>
        _send(new OutgoingMessage(Channel.Iopub, type, content, [], parent.HeaderBytes));

    private void Reply(JupyterMessage request, long sequence, JsonObject content)
    {
        _send(new OutgoingMessage(Channel.Shell, "execute_reply", content, request.Identities, request.HeaderBytes));
        Interlocked.Exchange(ref _repliedThrough, sequence);
    }
}
