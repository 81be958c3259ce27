using RnnLab.Torch;

namespace RnnLab;

/// <summary>Reading tensor values into plain arrays for tables and charts.</summary>
internal static class TensorValues
{
    /// <summary>Every element as a double, row-major, whatever the dtype.</summary>
    public static double[] Flat(torch.Tensor tensor) =>
        [.. tensor.detach().to(torch.ScalarType.Float32).data<float>().ToArray().Select(v => (double)v)];

    /// <summary>A 1-D tensor (or anything flattenable) as a list of doubles.</summary>
    public static double[] Vector(torch.Tensor tensor, string name)
    {
        if (tensor.dim() > 1 && tensor.shape.Count(s => s != 1) > 1)
            throw new ArgumentException($"{name} must be one-dimensional but has shape {ShapeText(tensor.shape)}", name);
        return Flat(tensor);
    }

    /// <summary>A 2-D tensor as rows of doubles.</summary>
    public static double[][] Rows(torch.Tensor tensor, string name)
    {
        if (tensor.dim() != 2)
            throw new ArgumentException($"{name} must be two-dimensional (rows, columns) but has shape {ShapeText(tensor.shape)}", name);
        double[] flat = Flat(tensor);
        int columns = (int)tensor.shape[1];
        return [.. Enumerable.Range(0, (int)tensor.shape[0]).Select(r => flat[(r * columns)..((r + 1) * columns)])];
    }

    /// <summary>A shape as PyTorch prints a tuple: (5, 3, 20).</summary>
    public static string ShapeText(IReadOnlyList<long> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
}
