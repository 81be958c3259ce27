using static RnnLab.Torch.torch;

namespace RnnLab.Torch;

/// <summary>
/// Raw, unrecorded helpers the fused nn kernels and data collation use on contiguous storage
/// (spans, zero buffers, row gathers). Anything differentiable goes through the core ops instead.
/// </summary>
internal static class LocalTensorOps
{
    /// <summary>A new contiguous Float32 tensor of zeros.</summary>
    public static Tensor Zeros(long[] shape) => Tensor.FromContiguous(new float[Numel(shape)], shape);

    /// <summary>Product of sizes.</summary>
    public static long Numel(ReadOnlySpan<long> shape)
    {
        long n = 1;
        foreach (long s in shape) n *= s;
        return n;
    }

    /// <summary>The elements of a Float32 tensor in row-major order: the storage itself when contiguous, else a copy.</summary>
    public static ReadOnlySpan<float> Read(Tensor t) =>
        t.is_contiguous() ? ((float[])t.Storage).AsSpan((int)t.Offset, (int)t.numel()) : t.ToFloatArray();

    /// <summary>Overwrites <paramref name="target"/>'s elements (contiguous, not recorded) with <paramref name="source"/>'s.</summary>
    public static void CopyInto(Tensor target, Tensor source)
    {
        if (target.dtype != source.dtype)
            throw new ArgumentException($"cannot copy {Tensor.DTypeName(source.dtype)} into {Tensor.DTypeName(target.dtype)}");
        switch (target.Storage)
        {
            case float[]:
                Read(source).CopyTo(target.ContiguousFloatSpan());
                break;
            case long[] longs when target.is_contiguous():
                source.ToArray<long>().CopyTo(longs.AsSpan((int)target.Offset));
                break;
            case bool[] bools when target.is_contiguous():
                source.ToArray<bool>().CopyTo(bools.AsSpan((int)target.Offset));
                break;
            default:
                throw new InvalidOperationException("internal: copy target must be contiguous");
        }
    }

    /// <summary>Stacks same-shape tensors along a new leading dim, not recorded (data collation).</summary>
    public static Tensor StackRows(IReadOnlyList<Tensor> rows)
    {
        long[] rowShape = rows[0].shape;
        long rowSize = Numel(rowShape);
        long[] shape = [rows.Count, .. rowShape];
        switch (rows[0].dtype)
        {
            case ScalarType.Int64:
            {
                var data = new long[rows.Count * rowSize];
                for (int i = 0; i < rows.Count; i++) rows[i].ToArray<long>().CopyTo(data, i * rowSize);
                return Tensor.FromContiguous(data, shape);
            }
            case ScalarType.Bool:
            {
                var data = new bool[rows.Count * rowSize];
                for (int i = 0; i < rows.Count; i++) rows[i].ToArray<bool>().CopyTo(data, i * rowSize);
                return Tensor.FromContiguous(data, shape);
            }
            default:
            {
                var data = new float[rows.Count * rowSize];
                for (int i = 0; i < rows.Count; i++) Read(rows[i]).CopyTo(data.AsSpan((int)(i * rowSize)));
                return Tensor.FromContiguous(data, shape);
            }
        }
    }

    /// <summary>Rows <paramref name="indices"/> of <paramref name="source"/> along dim 0, not recorded (batch gather).</summary>
    public static Tensor GatherRows(Tensor source, ReadOnlySpan<long> indices)
    {
        long[] shape = source.shape;
        long rowSize = Numel(shape.AsSpan(1));
        shape[0] = indices.Length;
        switch (source.dtype)
        {
            case ScalarType.Int64:
            {
                long[] all = source.ToArray<long>();
                var data = new long[indices.Length * rowSize];
                for (int i = 0; i < indices.Length; i++) Array.Copy(all, indices[i] * rowSize, data, i * rowSize, rowSize);
                return Tensor.FromContiguous(data, shape);
            }
            case ScalarType.Bool:
            {
                bool[] all = source.ToArray<bool>();
                var data = new bool[indices.Length * rowSize];
                for (int i = 0; i < indices.Length; i++) Array.Copy(all, indices[i] * rowSize, data, i * rowSize, rowSize);
                return Tensor.FromContiguous(data, shape);
            }
            default:
            {
                ReadOnlySpan<float> all = Read(source);
                var data = new float[indices.Length * rowSize];
                for (int i = 0; i < indices.Length; i++)
                    all.Slice((int)(indices[i] * rowSize), (int)rowSize).CopyTo(data.AsSpan((int)(i * rowSize)));
                return Tensor.FromContiguous(data, shape);
            }
        }
    }

    /// <summary>Sizes before, at and after <paramref name="dim"/>.</summary>
    public static (long outer, long size, long inner) Split(ReadOnlySpan<long> shape, int dim) =>
        (Numel(shape[..dim]), shape[dim], Numel(shape[(dim + 1)..]));
}
