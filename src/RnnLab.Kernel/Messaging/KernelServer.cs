using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using RnnLab.Kernel.Execution;
using RnnLab.Kernel.Intellisense;

namespace RnnLab.Kernel.Messaging;

/// <summary>
/// The Jupyter kernel: binds the five sockets of a connection file and serves messaging 5.3.
/// One I/O thread owns shell, control, stdin and iopub (libzmq sockets are not thread-safe);
/// cells run on <see cref="ExecutionWorker"/>; the heartbeat echoes on its own thread.
/// Every request gets busy/idle on iopub with the request as parent; badly signed messages are dropped.
/// </summary>
public sealed unsafe class KernelServer : IDisposable
{
    private const int BusyPollMilliseconds = 1;
    private const int IdlePollMilliseconds = 20;

    private readonly ConnectionInfo _connection;
    private readonly MessageSigner _signer;
    private readonly string _sessionId = Guid.NewGuid().ToString();
    private readonly ConcurrentQueue<OutgoingMessage> _outbox = new();
    private readonly ConcurrentQueue<TaskCompletionSource> _shellDeliveries = new();
    private readonly ExecuteHistory _history = new();
    private readonly RecentSignatures _seenSignatures = new();
    private readonly IntPtr _context;
    private readonly ZmqSocket _shell, _control, _stdin, _iopub, _heartbeat;
    private readonly Thread _heartbeatThread;
    private readonly ExecutionWorker _worker;
    private readonly ExecutionSession _session;
    private readonly int? _parentProcessId;
    private PosixSignalRegistration? _sigint;
    private volatile bool _stopping;
    private bool _restartRequested;

    public KernelServer(ConnectionInfo connection, ExecutionSession session)
    {
        _connection = connection;
        _signer = new MessageSigner(connection.Key, connection.SignatureScheme);
        _context = LibZmq.zmq_ctx_new();
        _shell = RouterSocket(connection.ShellPort);
        _control = RouterSocket(connection.ControlPort);
        _stdin = RouterSocket(connection.StdinPort);
        _iopub = new ZmqSocket(_context, LibZmq.Pub);
        _iopub.SetOption(LibZmq.SendHighWaterMark, 100_000);
        _iopub.Bind(connection.Endpoint(connection.IopubPort));
        _heartbeat = new ZmqSocket(_context, LibZmq.Rep);
        _heartbeat.Bind(connection.Endpoint(connection.HeartbeatPort));
        _heartbeatThread = new Thread(EchoHeartbeats) { IsBackground = true, Name = "heartbeat" };
        _heartbeatThread.Start();
        _session = session;
        _worker = new ExecutionWorker(session, _outbox.Enqueue, _history, DeliverArrivedShellRequests);
        _parentProcessId = int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), CultureInfo.InvariantCulture, out int pid) ? pid : null;
    }

    /// <summary>The kernel command: serve until shutdown_request (or the launching process dies).</summary>
    public static int Run(string connectionFile)
    {
        ConnectionInfo connection;
        try
        {
            connection = ConnectionInfo.Load(connectionFile);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"rnnlab-kernel: cannot read connection file '{connectionFile}': {e.Message}");
            return 1;
        }
        var session = new ExecutionSession();
        KernelServer server;
        try
        {
            server = new KernelServer(connection, session);
        }
        catch (Exception e) when (e is InvalidOperationException or DllNotFoundException)
        {
            ConsoleRouter.OriginalError.WriteLine($"rnnlab-kernel: {e.Message}");
            return 1;
        }
        using (server)
        {
            Log($"started (libzmq {LibZmq.Version()}, {connection.Transport}://{connection.Ip})");
            server.Serve();
        }
        return 0;
    }

    private ZmqSocket RouterSocket(int port)
    {
        var socket = new ZmqSocket(_context, LibZmq.Router);
        // A client reconnecting with the same identity takes over (ipykernel does the same).
        socket.SetOption(LibZmq.RouterHandover, 1);
        socket.Bind(_connection.Endpoint(port));
        return socket;
    }

    public void Serve()
    {
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            _worker.Interrupt();
        });
        Send(new OutgoingMessage(Channel.Iopub, "status", new JsonObject { ["execution_state"] = "starting" }, [], null));
        var items = stackalloc LibZmq.PollItem[3];
        items[0] = new LibZmq.PollItem { Socket = _control.Handle, Events = LibZmq.PollIn };
        items[1] = new LibZmq.PollItem { Socket = _shell.Handle, Events = LibZmq.PollIn };
        items[2] = new LibZmq.PollItem { Socket = _stdin.Handle, Events = LibZmq.PollIn };
        var parentCheck = Stopwatch.StartNew();
        while (!_stopping)
        {
            int timeout = _worker.IsBusy || !_outbox.IsEmpty ? BusyPollMilliseconds : IdlePollMilliseconds;
            if (LibZmq.zmq_poll(items, 3, new CLong(timeout)) < 0 && LibZmq.zmq_errno() != LibZmq.EIntr)
            {
                Log("zmq_poll failed: " + LibZmq.LastError());
                break;
            }
            // Control first: shutdown and interrupt must not wait behind shell traffic.
            if ((items[0].Revents & LibZmq.PollIn) != 0) ReceiveAll(_control, Channel.Control);
            if ((items[1].Revents & LibZmq.PollIn) != 0) ReceiveAll(_shell, Channel.Shell);
            if ((items[2].Revents & LibZmq.PollIn) != 0) ReceiveInputReplies();
            AnswerShellDeliveries();
            DrainOutbox();
            if (parentCheck.ElapsedMilliseconds > 1000)
            {
                parentCheck.Restart();
                if (!ParentAlive())
                {
                    Log("the process that started the kernel is gone; exiting");
                    break;
                }
            }
        }
        AnswerShellDeliveries();
        DrainOutbox();
    }

    /// <summary>
    /// Called by the worker: blocks until the I/O thread has read everything waiting on shell. The
    /// I/O loop polls every millisecond while a cell runs; the time limit only matters once it has stopped.
    /// </summary>
    private void DeliverArrivedShellRequests()
    {
        var delivered = new TaskCompletionSource();
        _shellDeliveries.Enqueue(delivered);
        delivered.Task.Wait(TimeSpan.FromSeconds(2));
    }

    private void AnswerShellDeliveries()
    {
        if (_shellDeliveries.IsEmpty) return;
        // Take the waiters first: each must see a receive that started after it asked.
        var waiting = new List<TaskCompletionSource>();
        while (_shellDeliveries.TryDequeue(out var delivered)) waiting.Add(delivered);
        if (!_stopping) ReceiveAll(_shell, Channel.Shell);
        foreach (var delivered in waiting) delivered.TrySetResult();
    }

    private void ReceiveAll(ZmqSocket socket, Channel channel)
    {
        while (socket.TryReceive() is { } frames)
        {
            var message = JupyterMessage.Parse(frames, _signer, out string? problem);
            if (message is not null && message.Signature.Length > 0 && !_seenSignatures.Add(message.Signature))
            {
                message = null;
                problem = "duplicate signature (a replayed message)";
            }
            if (message is null)
            {
                Log($"dropped a message on {channel.ToString().ToLowerInvariant()}: {problem}");
                continue;
            }
            try
            {
                Handle(message, channel);
            }
            catch (Exception e)
            {
                Log($"error handling {message.Type}: {e}");
            }
        }
    }

    /// <summary>input_reply on stdin; jupyter_client sends it with an empty parent, so it is not matched to a request.</summary>
    private void ReceiveInputReplies()
    {
        while (_stdin.TryReceive() is { } frames)
        {
            var message = JupyterMessage.Parse(frames, _signer, out string? problem);
            if (message is null) Log($"dropped a message on stdin: {problem}");
            else if (message.Type == "input_reply") _worker.DeliverInput((string?)message.Content["value"] ?? "");
        }
    }

    private void Handle(JupyterMessage request, Channel channel)
    {
        if (request.Type == "execute_request")
        {
            // Busy, outputs, reply and idle come from the worker, in order, when the request's turn comes.
            _worker.Enqueue(request);
            return;
        }
        Publish(request, "status", new JsonObject { ["execution_state"] = "busy" });
        var content = request.Content;
        switch (request.Type)
        {
            case "kernel_info_request":
                Reply(request, channel, KernelInfo());
                break;
            case "shutdown_request":
                _restartRequested = (bool?)content["restart"] ?? false;
                Reply(request, channel, new JsonObject { ["status"] = "ok", ["restart"] = _restartRequested });
                _stopping = true;
                break;
            case "interrupt_request":
                _worker.Interrupt();
                Reply(request, channel, new JsonObject { ["status"] = "ok" });
                break;
            case "is_complete_request":
                Reply(request, channel, IntellisenseReplies.IsComplete(content));
                break;
            case "complete_request":
                Reply(request, channel, IntellisenseReplies.Complete(_session, content, Log));
                break;
            case "inspect_request":
                Reply(request, channel, IntellisenseReplies.Inspect(_session, content, Log));
                break;
            case "history_request":
                Reply(request, channel, new JsonObject { ["status"] = "ok", ["history"] = _history.Answer(content) });
                break;
            case "comm_info_request":
                Reply(request, channel, new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "comm_open":
                // No comm targets exist here; closing tells the front end so instead of leaving it waiting.
                Publish(request, "comm_close", new JsonObject { ["comm_id"] = (string?)content["comm_id"], ["data"] = new JsonObject() });
                break;
            case "comm_msg" or "comm_close":
                break;
            default:
                Log($"ignored unknown message type '{request.Type}'");
                break;
        }
        Publish(request, "status", new JsonObject { ["execution_state"] = "idle" });
    }

    private static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = KernelIdentity.ProtocolVersion,
        ["implementation"] = KernelIdentity.Implementation,
        ["implementation_version"] = KernelIdentity.ImplementationVersion,
        ["language_info"] = KernelIdentity.LanguageInfo(),
        ["banner"] = $"C# {KernelIdentity.LanguageVersion} (Roslyn scripting on .NET {Environment.Version}) - RnnLab kernel {KernelIdentity.ImplementationVersion}",
        ["help_links"] = new JsonArray(new JsonObject { ["text"] = "C# documentation", ["url"] = "https://learn.microsoft.com/dotnet/csharp/" }),
    };

    private void Publish(JupyterMessage parent, string type, JsonObject content) =>
        Send(new OutgoingMessage(Channel.Iopub, type, content, [], parent.HeaderBytes));

    private void Reply(JupyterMessage request, Channel channel, JsonObject content) =>
        Send(new OutgoingMessage(channel, request.Type.Replace("_request", "_reply", StringComparison.Ordinal), content, request.Identities, request.HeaderBytes));

    private void DrainOutbox()
    {
        while (_outbox.TryDequeue(out var message)) Send(message);
    }

    /// <summary>Signs and sends; only ever called on the I/O thread.</summary>
    private void Send(OutgoingMessage message)
    {
        var header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString(),
            ["session"] = _sessionId,
            ["username"] = "kernel",
            // Jupyter parses at most 6 fractional digits; .NET's "o" format has 7.
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["msg_type"] = message.Type,
            ["version"] = KernelIdentity.ProtocolVersion,
        };
        byte[] headerBytes = Encoding.UTF8.GetBytes(header.ToJsonString());
        byte[] parentBytes = message.ParentHeader ?? "{}"u8.ToArray();
        byte[] metadataBytes = "{}"u8.ToArray();
        byte[] contentBytes = Encoding.UTF8.GetBytes(message.Content.ToJsonString());
        var frames = new List<byte[]>();
        if (message.Channel == Channel.Iopub) frames.Add(Encoding.UTF8.GetBytes($"kernel.{_sessionId}.{message.Type}"));
        else frames.AddRange(message.Identities);
        frames.Add(JupyterMessage.Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(_signer.Sign(headerBytes, parentBytes, metadataBytes, contentBytes)));
        frames.Add(headerBytes);
        frames.Add(parentBytes);
        frames.Add(metadataBytes);
        frames.Add(contentBytes);
        var socket = message.Channel switch
        {
            Channel.Shell => _shell,
            Channel.Control => _control,
            Channel.Stdin => _stdin,
            _ => _iopub,
        };
        socket.Send(frames);
    }

    /// <summary>REP echo via zmq_proxy; returns when the context shuts down, then closes the socket on this thread.</summary>
    private void EchoHeartbeats()
    {
        LibZmq.zmq_proxy(_heartbeat.Handle, _heartbeat.Handle, IntPtr.Zero);
        _heartbeat.Dispose();
    }

    private bool ParentAlive()
    {
        if (_parentProcessId is not int pid) return true;
        try
        {
            using var parent = Process.GetProcessById(pid);
            return !parent.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Log(string message) => ConsoleRouter.OriginalError.WriteLine($"[rnnlab-kernel] {message}");

    public void Dispose()
    {
        _sigint?.Dispose();
        _shell.Dispose();
        _control.Dispose();
        _stdin.Dispose();
        _iopub.Dispose();
        LibZmq.zmq_ctx_shutdown(_context);
        _heartbeatThread.Join(TimeSpan.FromSeconds(2));
        LibZmq.zmq_ctx_term(_context);
        if (_restartRequested) Log("shut down for restart");
    }
}
