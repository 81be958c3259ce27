using System.Text.Json;
using System.Text.Json.Serialization;

namespace RnnLab.Kernel.Messaging;

/// <summary>The connection file Jupyter writes for a kernel (unknown keys ignored).</summary>
public sealed record ConnectionInfo
{
    [JsonPropertyName("transport")] public string Transport { get; init; } = "tcp";
    [JsonPropertyName("ip")] public string Ip { get; init; } = "127.0.0.1";
    [JsonPropertyName("shell_port")] public int ShellPort { get; init; }
    [JsonPropertyName("control_port")] public int ControlPort { get; init; }
    [JsonPropertyName("iopub_port")] public int IopubPort { get; init; }
    [JsonPropertyName("stdin_port")] public int StdinPort { get; init; }
    [JsonPropertyName("hb_port")] public int HeartbeatPort { get; init; }
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("signature_scheme")] public string SignatureScheme { get; init; } = "hmac-sha256";

    public static ConnectionInfo Load(string path) =>
        JsonSerializer.Deserialize(File.ReadAllText(path), ConnectionInfoJson.Default.ConnectionInfo)
        ?? throw new InvalidDataException($"{path}: empty connection file");

    /// <summary>tcp://ip:port, or ipc://ip-port for the ipc transport.</summary>
    public string Endpoint(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";
}

/// <summary>Generated (de)serialization: the reflection-based serializer costs about 40 ms of JIT at kernel start.</summary>
[JsonSerializable(typeof(ConnectionInfo))]
internal sealed partial class ConnectionInfoJson : JsonSerializerContext;
