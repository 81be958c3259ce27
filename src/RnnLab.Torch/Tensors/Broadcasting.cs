namespace RnnLab.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>PyTorch's broadcast shape: align from the right; sizes must match or be 1.</summary>
        internal static long[] BroadcastShapes(long[] a, long[] b)
        {
            if (a.AsSpan().SequenceEqual(b)) return a;
            int rank = Math.Max(a.Length, b.Length);
            var result = new long[rank];
            for (int i = 1; i <= rank; i++)
            {
                long x = i <= a.Length ? a[^i] : 1, y = i <= b.Length ? b[^i] : 1;
                if (x != y && x != 1 && y != 1)
                    throw new ArgumentException(
                        $"The size of tensor a ({x}) must match the size of tensor b ({y}) at non-singleton dimension {rank - i}");
                result[rank - i] = x == 1 ? y : x;
            }
            return result;
        }

        /// <summary>The shape every tensor broadcasts to.</summary>
        internal static long[] BroadcastShapes(params Tensor[] tensors)
        {
            long[] result = tensors[0].Sizes;
            for (int i = 1; i < tensors.Length; i++) result = BroadcastShapes(result, tensors[i].Sizes);
            return result;
        }
    }

    /// <summary>The shape that the given shapes broadcast to, with PyTorch's error on mismatch.</summary>
    public static long[] broadcast_shapes(params long[][] shapes)
    {
        long[] result = [];
        foreach (long[] s in shapes) result = Tensor.BroadcastShapes(result, s);
        return (long[])result.Clone();
    }

    /// <summary>Views of the tensors expanded to their common broadcast shape.</summary>
    public static Tensor[] broadcast_tensors(params Tensor[] tensors)
    {
        long[] target = Tensor.BroadcastShapes(tensors);
        return tensors.Select(t => t.expand(target)).ToArray();
    }
}
