using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Random;

/// <summary>Assertions that two tensors hold the very same bits, naming the first difference.</summary>
internal static class BitExact
{
    public static void Floats(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        float[] e = expected.ToFloatArray(), a = actual.ToFloatArray();
        int mismatches = 0, first = -1;
        for (int i = 0; i < e.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(e[i]) == BitConverter.SingleToInt32Bits(a[i])) continue;
            if (first < 0) first = i;
            mismatches++;
        }
        if (mismatches > 0)
            Assert.Fail($"{what}: {mismatches} of {e.Length} values differ from PyTorch; first at [{first}]: " +
                        $"expected {e[first]:R} (0x{BitConverter.SingleToInt32Bits(e[first]):x8}), got {a[first]:R} (0x{BitConverter.SingleToInt32Bits(a[first]):x8})");
    }

    public static void Longs(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        long[] e = expected.ToArray<long>(), a = actual.ToArray<long>();
        int first = FirstDifference(e, a);
        if (first >= 0) Assert.Fail($"{what}: differs from PyTorch at [{first}]: expected {e[first]}, got {a[first]}\n expected {string.Join(",", e)}\n got      {string.Join(",", a)}");
    }

    private static int FirstDifference(long[] e, long[] a)
    {
        for (int i = 0; i < e.Length; i++) if (e[i] != a[i]) return i;
        return -1;
    }
}
