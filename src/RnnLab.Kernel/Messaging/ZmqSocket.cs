using System.Text;

namespace RnnLab.Kernel.Messaging;

/// <summary>One libzmq socket. Not thread-safe: libzmq sockets belong to one thread at a time.</summary>
internal sealed unsafe class ZmqSocket : IDisposable
{
    private IntPtr _handle;

    public ZmqSocket(IntPtr context, int type)
    {
        _handle = LibZmq.zmq_socket(context, type);
        if (_handle == IntPtr.Zero) throw new InvalidOperationException("zmq_socket failed: " + LibZmq.LastError());
        // Unsent messages must not keep the process alive at exit (the default linger is infinite).
        SetOption(LibZmq.Linger, 1000);
    }

    public IntPtr Handle => _handle;

    public void SetOption(int option, int value)
    {
        if (LibZmq.zmq_setsockopt(_handle, option, &value, sizeof(int)) != 0)
            throw new InvalidOperationException($"zmq_setsockopt({option}) failed: {LibZmq.LastError()}");
    }

    public void Bind(string endpoint)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(endpoint + "\0");
        fixed (byte* p = bytes)
            if (LibZmq.zmq_bind(_handle, p) != 0)
                throw new InvalidOperationException($"cannot bind {endpoint}: {LibZmq.LastError()}");
    }

    /// <summary>All frames of the next message, or null when none is waiting.</summary>
    public List<byte[]>? TryReceive()
    {
        var frames = new List<byte[]>();
        while (true)
        {
            LibZmq.Message message;
            LibZmq.zmq_msg_init(&message);
            try
            {
                int size = LibZmq.zmq_msg_recv(&message, _handle, frames.Count == 0 ? LibZmq.DontWait : 0);
                if (size < 0)
                {
                    int error = LibZmq.zmq_errno();
                    if (frames.Count == 0 && error is LibZmq.EAgain or LibZmq.EIntr) return null;
                    if (error == LibZmq.EIntr) continue;
                    throw new InvalidOperationException("zmq_msg_recv failed: " + LibZmq.LastError());
                }
                frames.Add(new ReadOnlySpan<byte>(LibZmq.zmq_msg_data(&message), (int)LibZmq.zmq_msg_size(&message)).ToArray());
                if (LibZmq.zmq_msg_more(&message) == 0) return frames;
            }
            finally
            {
                LibZmq.zmq_msg_close(&message);
            }
        }
    }

    public void Send(IReadOnlyList<byte[]> frames)
    {
        for (int i = 0; i < frames.Count; i++)
        {
            int flags = i < frames.Count - 1 ? LibZmq.SendMore : 0;
            fixed (byte* p = frames[i])
                while (LibZmq.zmq_send(_handle, p, (nuint)frames[i].Length, flags) < 0)
                    if (LibZmq.zmq_errno() != LibZmq.EIntr)
                        throw new InvalidOperationException("zmq_send failed: " + LibZmq.LastError());
        }
    }

    public void Dispose()
    {
        if (_handle == IntPtr.Zero) return;
        LibZmq.zmq_close(_handle);
        _handle = IntPtr.Zero;
    }
}
