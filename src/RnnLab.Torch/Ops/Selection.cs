using RnnLab.Torch.Autograd;

namespace RnnLab.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>Visits (outer, position along dim, inner) for a contiguous layout split around dim <paramref name="d"/>.</summary>
        private static (long Outer, long Inner) SplitAround(long[] shape, int d)
        {
            long outer = 1, inner = 1;
            for (int i = 0; i < d; i++) outer *= shape[i];
            for (int i = d + 1; i < shape.Length; i++) inner *= shape[i];
            return (outer, inner);
        }

        private void CheckIndexTensor(Tensor index, string op)
        {
            if (index.dtype != ScalarType.Int64)
                throw new ArgumentException($"{op}(): Expected dtype int64 for index but got {DTypeName(index.dtype)}");
        }

        private static long CheckedIndex(long i, long size, int d)
        {
            if (i < -size || i >= size) throw new IndexOutOfRangeException($"index {i} is out of bounds for dimension {d} with size {size}");
            return i < 0 ? i + size : i;
        }

        /// <summary>out[..., i, ...] = this[..., index[..., i, ...], ...] along <paramref name="dim"/>.</summary>
        public Tensor gather(long dim, Tensor index)
        {
            CheckIndexTensor(index, "gather");
            int d = NormalizeDim(dim, Sizes.Length);
            if (index.Sizes.Length != Sizes.Length)
                throw new ArgumentException("Index tensor must have the same number of dimensions as input tensor");
            for (int i = 0; i < Sizes.Length; i++)
                if (i != d && index.Sizes[i] > Sizes[i])
                    throw new ArgumentException($"Size does not match at dimension {i} expected index {ShapeString(index.Sizes)} to be smaller than self {ShapeString(Sizes)} apart from dimension {d}");
            ReadOnlySpan<long> idx = index.ReadSpan<long>();
            long[] outShape = index.shape;
            Tensor result = Zeros(outShape, dtype);
            Array dst = result.Storage;
            var pos = new long[outShape.Length];
            for (long flat = 0; flat < idx.Length; flat++)
            {
                long rem = flat;
                for (int i = outShape.Length - 1; i >= 0; i--) { pos[i] = rem % outShape[i]; rem /= outShape[i]; }
                pos[d] = CheckedIndex(idx[(int)flat], Sizes[d], d);
                long src = StorageIndexOf(pos);
                CopyElement(Storage, src, dst, flat);
            }
            Tensor x = this;
            long[] inputShape = shape;
            return FunctionBackward.Record("GatherBackward0", result, [x], g => [Zeros(inputShape, ScalarType.Float32).scatter_add(d, index, g)]);
        }

        private static void CopyElement(Array src, long from, Array dst, long to)
        {
            switch (src)
            {
                case float[] f: ((float[])dst)[to] = f[from]; break;
                case long[] l: ((long[])dst)[to] = l[from]; break;
                case bool[] b: ((bool[])dst)[to] = b[from]; break;
            }
        }

        /// <summary>A copy with src values written at index positions along dim (last write wins).</summary>
        public Tensor scatter(long dim, Tensor index, Tensor src) => ScatterKernel(dim, index, src, accumulate: false, "ScatterBackward0");

        /// <summary>A copy with src values added at index positions along dim.</summary>
        public Tensor scatter_add(long dim, Tensor index, Tensor src) => ScatterKernel(dim, index, src, accumulate: true, "ScatterAddBackward0");

        private Tensor ScatterKernel(long dim, Tensor index, Tensor src, bool accumulate, string name)
        {
            CheckIndexTensor(index, accumulate ? "scatter_add" : "scatter");
            int d = NormalizeDim(dim, Sizes.Length);
            Tensor result = contiguous().detach().clone();
            if (result.dtype != ScalarType.Float32) throw new NotSupportedException("scatter supports float32 tensors");
            float[] dst = (float[])result.Storage;
            ReadOnlySpan<long> idx = index.ReadSpan<long>();
            long[] ishape = index.Sizes;
            Tensor srcView = src.Sizes.Length == 0 ? src.ExpandView(ishape) : src.detach().SliceTo(ishape);
            ReadOnlySpan<float> values = srcView.ReadFloats();
            var pos = new long[ishape.Length];
            for (long flat = 0; flat < idx.Length; flat++)
            {
                long rem = flat;
                for (int i = ishape.Length - 1; i >= 0; i--) { pos[i] = rem % ishape[i]; rem /= ishape[i]; }
                pos[d] = CheckedIndex(idx[(int)flat], Sizes[d], d);
                long at = result.StorageIndexOf(pos);
                if (accumulate) dst[at] += values[(int)flat];
                else dst[at] = values[(int)flat];
            }
            Tensor self = this;
            return FunctionBackward.Record(name, result, [self, src], g =>
            {
                Tensor? gSelf = null;
                if (self.requires_grad) gSelf = accumulate ? g : g.scatter(d, index, Scalar(0.0));
                Tensor? gSrc = src.requires_grad ? g.gather(d, index) : null;
                return [gSelf, gSrc];
            });
        }

        /// <summary>The leading corner of this tensor with the given (smaller or equal) sizes.</summary>
        private Tensor SliceTo(long[] sizes)
        {
            Tensor t = this;
            for (int i = 0; i < sizes.Length; i++) if (t.Sizes[i] != sizes[i]) t = t.SliceView(i, 0, sizes[i], 1);
            return t;
        }

        /// <summary>The entries at <paramref name="index"/> (1-D int64) along a dim.</summary>
        public Tensor index_select(long dim, Tensor index)
        {
            CheckIndexTensor(index, "index_select");
            if (index.Sizes.Length > 1) throw new ArgumentException("index_select(): Index is supposed to be a vector");
            Tensor source = Sizes.Length == 0 ? detach().reshape(1) : detach().contiguous();
            int d = NormalizeDim(dim, source.Sizes.Length);
            long[] picks = index.ToArray<long>();
            for (int i = 0; i < picks.Length; i++) picks[i] = CheckedIndex(picks[i], source.Sizes[d], d);
            long[] outShape = source.shape;
            outShape[d] = picks.Length;
            var (outer, inner) = SplitAround(source.Sizes, d);
            long size = source.Sizes[d];
            Tensor result = Zeros(outShape, dtype);
            // Contiguous source: each (outer, pick) is one run of `inner` elements.
            for (long o = 0; o < outer; o++)
                for (int i = 0; i < picks.Length; i++)
                    Array.Copy(source.Storage, source.Offset + (o * size + picks[i]) * inner, result.Storage, (o * picks.Length + i) * inner, inner);
            if (Sizes.Length == 0) result = result.reshape([]);
            long[] inputShape = source.shape;
            Tensor self = this;
            return FunctionBackward.Record("IndexSelectBackward0", result, [this], g =>
            {
                Tensor grad = IndexAdd(inputShape, d, picks, g);
                return [self.Sizes.Length == 0 ? grad.reshape([]) : grad];
            });
        }

        /// <summary>
        /// Gradient of index_select: zeros of <paramref name="inputShape"/> with <paramref name="g"/>'s
        /// slices added at the picked positions along <paramref name="d"/> (repeated picks accumulate).
        /// </summary>
        internal static Tensor IndexAdd(long[] inputShape, int d, long[] picks, Tensor g)
        {
            var (outer, inner) = SplitAround(inputShape, d);
            long size = inputShape[d];
            float[] gradient = new float[ShapeNumel(inputShape)];
            ReadOnlySpan<float> go = g.ReadFloats();
            for (long o = 0; o < outer; o++)
                for (int i = 0; i < picks.Length; i++)
                {
                    Span<float> target = gradient.AsSpan((int)((o * size + picks[i]) * inner), (int)inner);
                    System.Numerics.Tensors.TensorPrimitives.Add(target, go.Slice((int)((o * picks.Length + i) * inner), (int)inner), target);
                }
            return FromContiguous(gradient, inputShape);
        }

        /// <summary>A copy with <paramref name="value"/> where <paramref name="mask"/> (broadcast) is true.</summary>
        public Tensor masked_fill(Tensor mask, double value)
        {
            if (mask.dtype != ScalarType.Bool) throw new ArgumentException($"masked_fill_ only supports boolean masks, but got mask with dtype {DTypeName(mask.dtype)}");
            long[] outShape = BroadcastShapes(Sizes, mask.Sizes);
            if (!outShape.AsSpan().SequenceEqual(Sizes))
                throw new ArgumentException($"The size of the mask {ShapeString(mask.Sizes)} must broadcast to the tensor's shape {ShapeString(Sizes)}");
            Tensor result = detach().clone();
            ReadOnlySpan<bool> m = mask.ExpandView(outShape).ReadSpan<bool>();
            switch (result.Storage)
            {
                case float[] f: for (int i = 0; i < m.Length; i++) if (m[i]) f[i] = (float)value; break;
                case long[] l: for (int i = 0; i < m.Length; i++) if (m[i]) l[i] = (long)value; break;
                case bool[] b: for (int i = 0; i < m.Length; i++) if (m[i]) b[i] = value != 0; break;
            }
            return FunctionBackward.Record("MaskedFillBackward0", result, [this], g => [g.masked_fill(mask, 0)]);
        }

        /// <summary>The elements where <paramref name="mask"/> (broadcast) is true, as a 1-D tensor.</summary>
        public Tensor masked_select(Tensor mask)
        {
            long[] outShape = BroadcastShapes(Sizes, mask.Sizes);
            ReadOnlySpan<bool> m = mask.@bool().ExpandView(outShape).ReadSpan<bool>();
            var positions = new List<long>();
            for (int i = 0; i < m.Length; i++) if (m[i]) positions.Add(i);
            Tensor flat = expand(outShape).reshape(-1);
            return flat.index_select(0, FromContiguous(positions.ToArray(), [positions.Count]));
        }
    }

    /// <summary>Elements of x where condition is true, else of y (all broadcast).</summary>
    public static Tensor where(Tensor condition, Tensor x, Tensor y)
    {
        if (condition.dtype != ScalarType.Bool) throw new ArgumentException($"where expected condition to be a boolean tensor, but got a tensor with dtype {Tensor.DTypeName(condition.dtype)}");
        long[] outShape = Tensor.BroadcastShapes(condition, x, y);
        ReadOnlySpan<bool> c = condition.ExpandView(outShape).ReadSpan<bool>();
        Tensor result;
        if (x.dtype == ScalarType.Float32 || y.dtype == ScalarType.Float32)
        {
            ReadOnlySpan<float> a = x.ReadFloatsAs(outShape), b = y.ReadFloatsAs(outShape);
            var r = GC.AllocateUninitializedArray<float>(c.Length);
            for (int i = 0; i < r.Length; i++) r[i] = c[i] ? a[i] : b[i];
            result = Tensor.FromContiguous(r, outShape);
        }
        else
        {
            ReadOnlySpan<long> a = x.ReadLongsAs(outShape), b = y.ReadLongsAs(outShape);
            var r = new long[c.Length];
            for (int i = 0; i < r.Length; i++) r[i] = c[i] ? a[i] : b[i];
            result = Tensor.FromContiguous(r, outShape);
        }
        long[] sx = x.shape, sy = y.shape;
        return FunctionBackward.Record("WhereBackward0", result, [x, y], g =>
            [x.requires_grad ? g.masked_fill(condition.logical_not(), 0).sum_to_size(sx) : null,
             y.requires_grad ? g.masked_fill(condition, 0).sum_to_size(sy) : null]);
    }

    /// <summary>Elements of x where condition is true, else the scalar y.</summary>
    public static Tensor where(Tensor condition, Tensor x, double y) => where(condition, x, Tensor.Scalar(y));

    /// <summary>Gathers along a dim.</summary>
    public static Tensor gather(Tensor input, long dim, Tensor index) => input.gather(dim, index);

    /// <summary>Selects entries along a dim.</summary>
    public static Tensor index_select(Tensor input, long dim, Tensor index) => input.index_select(dim, index);

    /// <summary>Fills where the mask is true.</summary>
    public static Tensor masked_fill(Tensor input, Tensor mask, double value) => input.masked_fill(mask, value);

    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// int64 class indices to an int64 one-hot tensor with a new last dim of <paramref name="num_classes"/>
            /// (-1: one more than the largest index).
            /// </summary>
            public static Tensor one_hot(Tensor x, long num_classes = -1)
            {
                if (x.dtype != ScalarType.Int64) throw new ArgumentException("one_hot is only applicable to index tensor.");
                ReadOnlySpan<long> idx = x.ReadSpan<long>();
                long classes = num_classes;
                if (classes == -1)
                {
                    if (idx.Length == 0) throw new ArgumentException("Can not infer total number of classes from empty tensor.");
                    classes = 0;
                    foreach (long i in idx) classes = Math.Max(classes, i + 1);
                }
                var data = new long[idx.Length * classes];
                for (int i = 0; i < idx.Length; i++)
                {
                    if (idx[i] < 0) throw new ArgumentException("Class values must be non-negative.");
                    if (idx[i] >= classes) throw new ArgumentException("Class values must be smaller than num_classes.");
                    data[i * classes + idx[i]] = 1;
                }
                return Tensor.FromContiguous(data, [.. x.Sizes, classes]);
            }
        }
    }
}
