using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.NN;

/// <summary>Elementwise comparison with PyTorch's allclose rule |a - e| &lt;= atol + rtol |e|, naming the worst element.</summary>
internal static class TensorAssert
{
    public static void Close(Tensor expected, Tensor? actual, string what, double atol = 1e-5, double rtol = 1e-5)
    {
        Assert.NotNull(actual);
        Assert.True(expected.shape.SequenceEqual(actual!.shape),
            $"{what}: shape {Tensor.ShapeString(actual.shape)} but PyTorch has {Tensor.ShapeString(expected.shape)}");
        Close(expected.ToFloatArray(), actual.ToFloatArray(), what, atol, rtol);
    }

    public static void Close(float[] expected, float[] actual, string what, double atol = 1e-5, double rtol = 1e-5)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double diff = Math.Abs(expected[i] - (double)actual[i]);
            Assert.True(diff <= atol + rtol * Math.Abs(expected[i]),
                $"{what}[{i}]: {actual[i]} but PyTorch has {expected[i]} (|diff| = {diff:G3})");
        }
    }
}
