using System.Text;
using System.Text.Json.Nodes;

namespace RnnLab.Kernel.Messaging;

/// <summary>
/// A received message. <see cref="HeaderBytes"/> is kept verbatim: replies and iopub side
/// effects use it as their parent header, exactly as the client sent it.
/// </summary>
public sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    byte[] HeaderBytes,
    JsonObject Header,
    JsonObject Content,
    string Signature)
{
    public static readonly byte[] Delimiter = Encoding.ASCII.GetBytes("<IDS|MSG>");

    public string Type => (string?)Header["msg_type"] ?? "";

    public string Id => (string?)Header["msg_id"] ?? "";

    /// <summary>Parses and verifies wire frames; null (with the reason) for anything that must be dropped.</summary>
    public static JupyterMessage? Parse(IReadOnlyList<byte[]> frames, MessageSigner signer, out string? problem)
    {
        int delimiter = -1;
        for (int i = 0; i < frames.Count; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                delimiter = i;
                break;
            }
        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            problem = "malformed message (no delimiter or too few frames)";
            return null;
        }
        byte[] signature = frames[delimiter + 1], header = frames[delimiter + 2], parent = frames[delimiter + 3],
               metadata = frames[delimiter + 4], content = frames[delimiter + 5];
        if (!signer.Verify(signature, header, parent, metadata, content))
        {
            problem = signature.Length == 0 ? "unsigned message" : "invalid signature";
            return null;
        }
        try
        {
            var headerObject = JsonNode.Parse(header) as JsonObject;
            var contentObject = JsonNode.Parse(content) as JsonObject;
            if (headerObject is null || contentObject is null)
            {
                problem = "header or content is not a JSON object";
                return null;
            }
            problem = null;
            return new JupyterMessage(frames.Take(delimiter).ToList(), header, headerObject, contentObject, Encoding.ASCII.GetString(signature));
        }
        catch (System.Text.Json.JsonException e)
        {
            problem = "invalid JSON: " + e.Message;
            return null;
        }
    }
}
