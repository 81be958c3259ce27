using System.Security.Cryptography;
using System.Text;

namespace RnnLab.Kernel.Messaging;

/// <summary>
/// HMAC-SHA256 over header, parent, metadata and content frames, hex lowercase. The key is the
/// connection file's key as UTF-8 (not hex-decoded); an empty key turns signing off.
/// </summary>
public sealed class MessageSigner
{
    private readonly byte[] _key;

    public MessageSigner(string key, string scheme = "hmac-sha256")
    {
        if (key.Length > 0 && scheme != "hmac-sha256")
            throw new NotSupportedException($"signature scheme '{scheme}' is not supported; use hmac-sha256");
        _key = Encoding.UTF8.GetBytes(key);
    }

    public string Sign(byte[] header, byte[] parent, byte[] metadata, byte[] content)
    {
        if (_key.Length == 0) return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(header);
        hmac.AppendData(parent);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Constant-time check; with signing off every message passes.</summary>
    public bool Verify(byte[] signature, byte[] header, byte[] parent, byte[] metadata, byte[] content)
    {
        if (_key.Length == 0) return true;
        byte[] expected = Encoding.ASCII.GetBytes(Sign(header, parent, metadata, content));
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }
}
