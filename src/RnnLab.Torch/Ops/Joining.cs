using RnnLab.Torch.Autograd;

namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>Joins tensors along an existing dim; all other sizes must match.</summary>
    public static Tensor cat(IList<Tensor> tensors, long dim = 0)
    {
        if (tensors.Count == 0) throw new ArgumentException("torch.cat(): expected a non-empty list of Tensors");
        // PyTorch skips legacy empty 1-D tensors of shape [0].
        Tensor[] parts = tensors.Where(t => !(t.Sizes.Length == 1 && t.Sizes[0] == 0)).ToArray();
        if (parts.Length == 0) return tensors[0].clone();
        Tensor first = parts[0];
        if (first.Sizes.Length == 0) throw new ArgumentException("zero-dimensional tensor (at position 0) cannot be concatenated");
        int d = Tensor.NormalizeDim(dim, first.Sizes.Length);
        long[] outShape = first.shape;
        long total = 0;
        ScalarType type = first.dtype;
        for (int i = 0; i < parts.Length; i++)
        {
            Tensor t = parts[i];
            if (t.Sizes.Length != outShape.Length)
                throw new ArgumentException($"Tensors must have same number of dimensions: got {outShape.Length} and {t.Sizes.Length}");
            for (int k = 0; k < outShape.Length; k++)
                if (k != d && t.Sizes[k] != outShape[k])
                    throw new ArgumentException($"Sizes of tensors must match except in dimension {d}. Expected size {outShape[k]} but got size {t.Sizes[k]} for tensor number {i} in the list.");
            total += t.Sizes[d];
            if (t.dtype == ScalarType.Float32) type = ScalarType.Float32;
            else if (t.dtype == ScalarType.Int64 && type == ScalarType.Bool) type = ScalarType.Int64;
        }
        outShape[d] = total;
        Tensor result = Tensor.Zeros(outShape, type);
        var sizes = new long[parts.Length];
        long offset = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            sizes[i] = parts[i].Sizes[d];
            result.SliceView(d, offset, sizes[i], 1).CopyFrom(parts[i]);
            offset += sizes[i];
        }
        return FunctionBackward.Record("CatBackward0", result, parts, g =>
        {
            var grads = new Tensor?[parts.Length];
            long start = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i].requires_grad) grads[i] = g.narrow(d, start, sizes[i]);
                start += sizes[i];
            }
            return grads;
        });
    }

    /// <summary>Same as <see cref="cat(IList{Tensor}, long)"/>.</summary>
    public static Tensor concat(IList<Tensor> tensors, long dim = 0) => cat(tensors, dim);

    /// <summary>Same as <see cref="cat(IList{Tensor}, long)"/>.</summary>
    public static Tensor concatenate(IList<Tensor> tensors, long axis = 0) => cat(tensors, axis);

    /// <summary>Joins same-shape tensors along a new dim.</summary>
    public static Tensor stack(IEnumerable<Tensor> tensors, long dim = 0)
    {
        Tensor[] list = tensors.ToArray();
        if (list.Length == 0) throw new ArgumentException("stack expects a non-empty TensorList");
        for (int i = 1; i < list.Length; i++)
            if (!list[i].Sizes.AsSpan().SequenceEqual(list[0].Sizes))
                throw new ArgumentException($"stack expects each tensor to be equal size, but got {Tensor.ShapeString(list[0].Sizes)} at entry 0 and {Tensor.ShapeString(list[i].Sizes)} at entry {i}");
        int d = Tensor.NormalizeDim(dim, list[0].Sizes.Length + 1);
        Tensor result;
        using (Autograd.GradMode.Set(false)) result = cat(list.Select(t => t.unsqueeze(d)).ToArray(), d);
        return FunctionBackward.Record("StackBackward0", result, list, g =>
            list.Select((t, i) => t.requires_grad ? g.select(d, i) : null).ToArray());
    }

    /// <summary>Splits into chunks along a dim.</summary>
    public static Tensor[] chunk(Tensor input, long chunks, long dim = 0) => input.chunk(chunks, dim);

    /// <summary>Splits into pieces of the given sizes along a dim.</summary>
    public static Tensor[] split(Tensor input, long[] split_size_or_sections, long dim = 0) => input.split(split_size_or_sections, dim);

    /// <summary>All slices along a dim.</summary>
    public static Tensor[] unbind(Tensor input, long dim = 0) => input.unbind(dim);
}
