using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Serialization;

/// <summary>
/// Compares tensors exactly: dtype, shape and every element's bits (so -0 and infinities count).
/// NaNs compare equal to any NaN: JSON fixtures spell NaN as "nan", which keeps no payload or sign.
/// </summary>
internal static class TensorBits
{
    public static void Equal(Tensor expected, Tensor actual, string name)
    {
        Assert.True(expected.dtype == actual.dtype, $"'{name}': dtype {actual.dtype}, expected {expected.dtype}");
        Assert.True(expected.shape.SequenceEqual(actual.shape),
            $"'{name}': shape [{string.Join(", ", actual.shape)}], expected [{string.Join(", ", expected.shape)}]");
        switch (expected.dtype)
        {
            case ScalarType.Float32:
                Assert.Equal(expected.ToArray<float>().Select(Bits), actual.ToArray<float>().Select(Bits));
                break;
            case ScalarType.Int64:
                Assert.Equal(expected.ToArray<long>(), actual.ToArray<long>());
                break;
            default:
                Assert.Equal(expected.ToArray<bool>(), actual.ToArray<bool>());
                break;
        }
    }

    private static int Bits(float value) => float.IsNaN(value) ? int.MinValue : BitConverter.SingleToInt32Bits(value);
}
