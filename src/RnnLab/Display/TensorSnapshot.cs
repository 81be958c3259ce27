using TorchSharp;
using static TorchSharp.torch;

namespace RnnLab.Display;

/// <summary>
/// The elements PyTorch's printer shows, copied out of native memory once: the whole tensor, or
/// beyond <see cref="Threshold"/> elements only the first and last <see cref="EdgeItems"/> of every
/// longer dimension (torch/_tensor_str.py get_summarized_data). Row-major over <see cref="ShownShape"/>.
/// </summary>
internal sealed class TensorSnapshot
{
    public const int Threshold = 1000;
    public const int EdgeItems = 3;

    private TensorSnapshot(long[] shape, long[] shownShape, bool summarized, double[]? floats, long[]? integers, bool[]? bools)
    {
        Shape = shape;
        ShownShape = shownShape;
        Summarized = summarized;
        Floats = floats;
        Integers = integers;
        Bools = bools;
    }

    /// <summary>The tensor's own shape.</summary>
    public long[] Shape { get; }

    /// <summary>The shape of the elements held here (6 along every elided dimension).</summary>
    public long[] ShownShape { get; }

    /// <summary>Whether the tensor has more than <see cref="Threshold"/> elements, so long dimensions are elided.</summary>
    public bool Summarized { get; }

    /// <summary>Floating-point elements (float16/bfloat16/float32 widened exactly), else null.</summary>
    public double[]? Floats { get; }

    /// <summary>Integer elements (uint8 ... int64), else null.</summary>
    public long[]? Integers { get; }

    /// <summary>Bool elements, else null.</summary>
    public bool[]? Bools { get; }

    /// <summary>Whether dimension <paramref name="dim"/> is shown as edge items around "...".</summary>
    public bool Elided(int dim) => Summarized && Shape[dim] > 2 * EdgeItems;

    /// <summary>Copies the shown elements of a non-empty tensor of a real, integer or bool dtype.</summary>
    public static TensorSnapshot Of(Tensor tensor)
    {
        // Every intermediate (detach, cpu, index_select, casts) is native memory: freed here, not by the GC.
        using var scope = NewDisposeScope();
        long[] shape = tensor.shape;
        bool summarized = tensor.numel() > Threshold;
        Tensor shown = tensor.detach().cpu();
        for (int dim = 0; dim < shape.Length; dim++)
        {
            long size = shape[dim];
            if (!summarized || size <= 2 * EdgeItems) continue;
            long[] edges = [0, 1, 2, size - 3, size - 2, size - 1];
            shown = shown.index_select(dim, torch.tensor(edges));
        }
        shown = shown.contiguous();
        long[] shownShape = shown.shape;
        if (tensor.dtype == ScalarType.Bool)
            return new(shape, shownShape, summarized, null, null, Read<bool>(shown));
        if (tensor.is_floating_point())
            return new(shape, shownShape, summarized, Read<double>(shown.to(ScalarType.Float64)), null, null);
        return new(shape, shownShape, summarized, null, Read<long>(shown.to(ScalarType.Int64)), null);
    }

    private static T[] Read<T>(Tensor contiguous) where T : unmanaged
    {
        using var accessor = contiguous.data<T>();
        return accessor.ToArray();
    }
}
