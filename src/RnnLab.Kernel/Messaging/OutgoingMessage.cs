using System.Text.Json.Nodes;

namespace RnnLab.Kernel.Messaging;

/// <summary>Where an outgoing message goes.</summary>
public enum Channel
{
    Shell,
    Control,
    Iopub,
    Stdin,
}

/// <summary>A message to send, built on any thread and sent by the I/O thread that owns the sockets.</summary>
/// <param name="Identities">Routing prefix of the request (shell/control/stdin); empty for iopub.</param>
/// <param name="ParentHeader">The request's raw header, or null for "{}".</param>
public sealed record OutgoingMessage(Channel Channel, string Type, JsonObject Content, IReadOnlyList<byte[]> Identities, byte[]? ParentHeader);
