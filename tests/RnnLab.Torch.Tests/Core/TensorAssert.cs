using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Core;

/// <summary>Comparisons with stated tolerances and messages that say where tensors differ.</summary>
internal static class TensorAssert
{
    /// <summary>Same shape and dtype, and |a - e| &lt;= atol + rtol * |e| everywhere (NaN matches NaN).</summary>
    public static void Close(Tensor expected, Tensor actual, double rtol, double atol, string what)
    {
        Assert.True(expected.shape.SequenceEqual(actual.shape),
            $"{what}: shape {Tensor.ShapeString(actual.shape)} but PyTorch has {Tensor.ShapeString(expected.shape)}");
        Assert.True(expected.dtype == actual.dtype, $"{what}: dtype {actual.dtype} but PyTorch has {expected.dtype}");
        if (expected.dtype != ScalarType.Float32)
        {
            Assert.True(expected.equal(actual), $"{what}: values differ\nexpected {expected}\nactual   {actual}");
            return;
        }
        float[] e = expected.ToFloatArray(), a = actual.ToFloatArray();
        for (int i = 0; i < e.Length; i++)
        {
            if (float.IsNaN(e[i]) && float.IsNaN(a[i])) continue;
            if (e[i] == a[i]) continue;
            double diff = Math.Abs((double)e[i] - a[i]);
            Assert.True(diff <= atol + rtol * Math.Abs(e[i]),
                $"{what}: element {i} is {a[i]:R} but PyTorch has {e[i]:R} (|diff| {diff:G3} > {atol} + {rtol}*|expected|)");
        }
    }
}
