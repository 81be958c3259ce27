using System.Buffers;

namespace RnnLab.Torch.Modules;

/// <summary>
/// Working memory of the fused recurrent kernel (gate activations, states, gate gradients: tens of MB per
/// call for a 256-wide LSTM), rented from a pool and returned once backward has used it. Fresh arrays of
/// that size cost more than the arithmetic: the GC zeroes them and the OS faults their pages in, where
/// PyTorch's allocator hands back the blocks the previous step freed. Rented arrays can be longer than
/// asked and hold old values: callers slice to their length and write before reading.
/// </summary>
internal static class RecurrentBuffers
{
    public static float[] Rent(long length) => length == 0 ? [] : ArrayPool<float>.Shared.Rent(checked((int)length));

    public static void Return(float[]? buffer)
    {
        if (buffer is { Length: > 0 }) ArrayPool<float>.Shared.Return(buffer);
    }
}
