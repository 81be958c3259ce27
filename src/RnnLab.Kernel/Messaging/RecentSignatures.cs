namespace RnnLab.Kernel.Messaging;

/// <summary>
/// The last signatures accepted, to drop replayed messages (jupyter_client's Session does the
/// same with the same bound): a signed message is valid once.
/// </summary>
internal sealed class RecentSignatures
{
    private const int Capacity = 65536;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>False when the signature was seen before.</summary>
    public bool Add(string signature)
    {
        if (!_seen.Add(signature)) return false;
        _order.Enqueue(signature);
        if (_order.Count > Capacity) _seen.Remove(_order.Dequeue());
        return true;
    }
}
