using static TorchSharp.torch;

namespace RnnLab;

/// <summary>Reading tensor values into plain arrays for tables and charts, from any device.</summary>
internal static class TensorValues
{
    /// <summary>Every element as a double, row-major, whatever the real dtype or device.</summary>
    public static double[] Flat(Tensor tensor)
    {
        // detach, cpu, the cast and contiguous are native tensors: freed here, not whenever the GC runs.
        using var scope = NewDisposeScope();
        using var accessor = tensor.detach().cpu().to(ScalarType.Float64).contiguous().data<double>();
        return accessor.ToArray();
    }

    /// <summary>A 1-D tensor (or a row or column) as a list of doubles.</summary>
    public static double[] Vector(Tensor tensor, string helper, string name)
    {
        TensorArguments.Vector(tensor, helper, name);
        TensorArguments.Real(tensor, helper, name);
        return Flat(tensor);
    }

    /// <summary>A 2-D tensor as rows of doubles.</summary>
    public static double[][] Rows(Tensor tensor, string helper, string name)
    {
        TensorArguments.Dims(tensor, 2, "(rows, columns)", helper, name);
        TensorArguments.Real(tensor, helper, name);
        double[] flat = Flat(tensor);
        int columns = (int)tensor.shape[1];
        return [.. Enumerable.Range(0, (int)tensor.shape[0]).Select(r => flat[(r * columns)..((r + 1) * columns)])];
    }

    /// <summary>A shape as PyTorch prints a tuple: (5, 3, 20).</summary>
    public static string ShapeText(IReadOnlyList<long> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
}
