using RnnLab.Torch.Autograd;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch;

/// <summary>
/// Generic tensor operations the nn stack needs, implemented locally so this branch depends only on
/// the core contract (Tensor, Node, Gemm). The engine core provides public versions of all of these
/// (zeros, copy_, reshape/view, select, cat, stack, add, sum); at merge these should forward to them.
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

    /// <summary>A contiguous copy with another shape (one -1 allowed), recorded so gradients reshape back (view/reshape).</summary>
    public static Tensor Reshape(Tensor input, params long[] shape)
    {
        long[] resolved = ResolveShape(shape, input.numel(), input.Sizes);
        Tensor result = input.is_contiguous()
            ? new Tensor(input.Storage, resolved, Tensor.ContiguousStrides(resolved), input.Offset, input.dtype)
            : Tensor.FromContiguous(input.ToFloatArray(), resolved);
        if (Node.ShouldRecord(input)) new ReshapeBackward(input.shape).Record([input], [result]);
        return result;
    }

    private static long[] ResolveShape(long[] shape, long numel, long[] from)
    {
        long[] resolved = (long[])shape.Clone();
        int inferred = Array.IndexOf(resolved, -1L);
        long known = 1;
        for (int i = 0; i < resolved.Length; i++) if (i != inferred) known *= resolved[i];
        if (inferred >= 0 && known != 0 && numel % known == 0) resolved[inferred] = numel / known;
        if (Numel(resolved) != numel)
            throw new ArgumentException($"shape '{Tensor.ShapeString(shape)}' is invalid for input of size {numel} (input shape {Tensor.ShapeString(from)})");
        return resolved;
    }

    /// <summary>input[..., index, ...] along <paramref name="dim"/> as a new contiguous tensor, recorded (select).</summary>
    public static Tensor Select(Tensor input, int dim, long index)
    {
        dim = Tensor.NormalizeDim(dim, input.Sizes.Length);
        long[] shape = input.shape;
        if (index < 0) index += shape[dim];
        var (outer, size, inner) = Split(shape, dim);
        ReadOnlySpan<float> x = Read(input);
        var y = new float[outer * inner];
        for (long o = 0; o < outer; o++)
            x.Slice((int)((o * size + index) * inner), (int)inner).CopyTo(y.AsSpan((int)(o * inner)));
        long[] outShape = shape.Where((_, d) => d != dim).ToArray();
        Tensor result = Tensor.FromContiguous(y, outShape);
        if (Node.ShouldRecord(input)) new SelectBackward(shape, dim, index).Record([input], [result]);
        return result;
    }

    /// <summary>Concatenation along <paramref name="dim"/>, recorded (cat).</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim)
    {
        long[] first = tensors[0].shape;
        dim = Tensor.NormalizeDim(dim, first.Length);
        long total = 0;
        foreach (Tensor t in tensors)
        {
            long[] s = t.shape;
            bool compatible = s.Length == first.Length && s.Select((v, d) => d == dim || v == first[d]).All(ok => ok);
            if (!compatible)
                throw new ArgumentException($"Sizes of tensors must match except in dimension {dim}. Got {Tensor.ShapeString(first)} and {Tensor.ShapeString(s)}");
            total += s[dim];
        }
        long[] shape = (long[])first.Clone();
        shape[dim] = total;
        var (outer, _, inner) = Split(shape, dim);
        var y = new float[Numel(shape)];
        long offset = 0;
        var sizes = new long[tensors.Count];
        for (int i = 0; i < tensors.Count; i++)
        {
            ReadOnlySpan<float> x = Read(tensors[i]);
            long chunk = tensors[i].Sizes[dim] * inner;
            for (long o = 0; o < outer; o++)
                x.Slice((int)(o * chunk), (int)chunk).CopyTo(y.AsSpan((int)(o * total * inner + offset * inner)));
            sizes[i] = tensors[i].Sizes[dim];
            offset += sizes[i];
        }
        Tensor result = Tensor.FromContiguous(y, shape);
        Tensor?[] inputs = tensors.ToArray();
        if (Node.ShouldRecord(inputs)) new CatBackward(shape, dim, sizes).Record(inputs, [result]);
        return result;
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

    /// <summary>
    /// sum_i sum(tensors[i] * weights[i]) as a 0-d tensor, recorded: backward with it equals backward
    /// of every tensor with its weights as upstream gradient (how tests check several outputs at once).
    /// </summary>
    public static Tensor WeightedSum(IReadOnlyList<Tensor> tensors, IReadOnlyList<Tensor> weights)
    {
        double total = 0;
        for (int i = 0; i < tensors.Count; i++)
        {
            ReadOnlySpan<float> x = Read(tensors[i]), w = Read(weights[i]);
            for (int j = 0; j < x.Length; j++) total += (double)x[j] * w[j];
        }
        Tensor result = Tensor.FromContiguous(new[] { (float)total }, []);
        Tensor?[] inputs = tensors.ToArray();
        if (Node.ShouldRecord(inputs)) new WeightedSumBackward(weights.ToArray()).Record(inputs, [result]);
        return result;
    }

    /// <summary>Sizes before, at and after <paramref name="dim"/>.</summary>
    public static (long outer, long size, long inner) Split(ReadOnlySpan<long> shape, int dim) =>
        (Numel(shape[..dim]), shape[dim], Numel(shape[(dim + 1)..]));

    private sealed class ReshapeBackward(long[] inputShape) : Node
    {
        public override string name() => "ViewBackward0";
        protected override Tensor?[] Backward(Tensor?[] g) => [Tensor.FromContiguous(g[0]!.ToFloatArray(), inputShape)];
    }

    private sealed class SelectBackward(long[] inputShape, int dim, long index) : Node
    {
        public override string name() => "SelectBackward0";
        protected override Tensor?[] Backward(Tensor?[] g)
        {
            var (outer, size, inner) = Split(inputShape, dim);
            var dx = new float[Numel(inputShape)];
            ReadOnlySpan<float> dy = Read(g[0]!);
            for (long o = 0; o < outer; o++)
                dy.Slice((int)(o * inner), (int)inner).CopyTo(dx.AsSpan((int)((o * size + index) * inner)));
            return [Tensor.FromContiguous(dx, inputShape)];
        }
    }

    private sealed class CatBackward(long[] outputShape, int dim, long[] sizes) : Node
    {
        public override string name() => "CatBackward0";
        protected override Tensor?[] Backward(Tensor?[] g)
        {
            var (outer, total, inner) = Split(outputShape, dim);
            ReadOnlySpan<float> dy = Read(g[0]!);
            var grads = new Tensor?[sizes.Length];
            long offset = 0;
            for (int i = 0; i < sizes.Length; i++)
            {
                long chunk = sizes[i] * inner;
                var dx = new float[outer * chunk];
                for (long o = 0; o < outer; o++)
                    dy.Slice((int)(o * total * inner + offset * inner), (int)chunk).CopyTo(dx.AsSpan((int)(o * chunk)));
                long[] shape = (long[])outputShape.Clone();
                shape[dim] = sizes[i];
                grads[i] = Tensor.FromContiguous(dx, shape);
                offset += sizes[i];
            }
            return grads;
        }
    }

    private sealed class WeightedSumBackward(Tensor[] weights) : Node
    {
        public override string name() => "SumBackward0";
        protected override Tensor?[] Backward(Tensor?[] g)
        {
            float scale = Read(g[0]!)[0];
            return weights.Select(w =>
            {
                float[] d = w.ToFloatArray();
                System.Numerics.Tensors.TensorPrimitives.Multiply(d, scale, d);
                return (Tensor?)Tensor.FromContiguous(d, w.shape);
            }).ToArray();
        }
    }
}
