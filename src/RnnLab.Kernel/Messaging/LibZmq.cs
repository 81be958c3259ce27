using System.Reflection;
using System.Runtime.InteropServices;

namespace RnnLab.Kernel.Messaging;

/// <summary>
/// The slice of libzmq's C API the kernel uses. Debian ships only the versioned libzmq.so.5
/// (no libzmq.so without the -dev package), so a resolver tries the usual names per OS.
/// </summary>
internal static unsafe class LibZmq
{
    private const string Library = "libzmq";
    private static readonly string[] Candidates = ["libzmq.so.5", "libzmq.so", "libzmq.5.dylib", "libzmq.dylib", "libzmq"];

    public const int Pub = 1, Rep = 4, Router = 6;
    public const int Linger = 17, SendHighWaterMark = 23, RouterHandover = 56;
    public const int DontWait = 1, SendMore = 2;
    public const short PollIn = 1;
    public const int EAgain = 11, EIntr = 4;

    static LibZmq() => NativeLibrary.SetDllImportResolver(typeof(LibZmq).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library) return IntPtr.Zero;
        foreach (string candidate in Candidates)
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out IntPtr handle)) return handle;
        throw new DllNotFoundException("libzmq was not found (tried " + string.Join(", ", Candidates) +
            "). Install it: Debian/Ubuntu 'apt-get install libzmq5', macOS 'brew install zeromq', conda 'conda install zeromq'.");
    }

    /// <summary>zmq_msg_t: 64 opaque bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    public struct Message
    {
        private fixed long _opaque[8];
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PollItem
    {
        public IntPtr Socket;
        public int Fd; // POSIX int; on Windows a pointer-sized SOCKET (not supported by this layout)
        public short Events;
        public short Revents;
    }

    [DllImport(Library)] public static extern void zmq_version(out int major, out int minor, out int patch);
    [DllImport(Library)] public static extern IntPtr zmq_ctx_new();
    [DllImport(Library)] public static extern int zmq_ctx_shutdown(IntPtr context);
    [DllImport(Library)] public static extern int zmq_ctx_term(IntPtr context);
    [DllImport(Library)] public static extern IntPtr zmq_socket(IntPtr context, int type);
    [DllImport(Library)] public static extern int zmq_close(IntPtr socket);
    [DllImport(Library)] public static extern int zmq_bind(IntPtr socket, byte* endpoint);
    [DllImport(Library)] public static extern int zmq_setsockopt(IntPtr socket, int option, void* value, nuint length);
    [DllImport(Library)] public static extern int zmq_msg_init(Message* message);
    [DllImport(Library)] public static extern int zmq_msg_recv(Message* message, IntPtr socket, int flags);
    [DllImport(Library)] public static extern void* zmq_msg_data(Message* message);
    [DllImport(Library)] public static extern nuint zmq_msg_size(Message* message);
    [DllImport(Library)] public static extern int zmq_msg_more(Message* message);
    [DllImport(Library)] public static extern int zmq_msg_close(Message* message);
    [DllImport(Library)] public static extern int zmq_send(IntPtr socket, byte* buffer, nuint length, int flags);
    [DllImport(Library)] public static extern int zmq_poll(PollItem* items, int count, CLong timeoutMilliseconds);
    [DllImport(Library)] public static extern int zmq_proxy(IntPtr frontend, IntPtr backend, IntPtr capture);
    [DllImport(Library)] public static extern int zmq_errno();
    [DllImport(Library)] public static extern IntPtr zmq_strerror(int error);

    public static string LastError() => Marshal.PtrToStringUTF8(zmq_strerror(zmq_errno())) ?? "unknown error";

    public static string Version()
    {
        zmq_version(out int major, out int minor, out int patch);
        return $"{major}.{minor}.{patch}";
    }
}
