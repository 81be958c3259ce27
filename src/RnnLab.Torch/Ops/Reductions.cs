using System.Numerics.Tensors;
using RnnLab.Torch.Autograd;

namespace RnnLab.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>
        /// The elements regrouped as rows: kept dims first (outer), reduced dims last (inner), row-major.
        /// Returns the kept sizes and the inner length; the caller reduces each row.
        /// </summary>
        private (T[] Rows, long[] KeptSizes, int Inner) RowsOver<T>(bool[] reduced)
        {
            var order = new List<long>();
            var kept = new List<long>();
            for (int d = 0; d < Sizes.Length; d++) if (!reduced[d]) { order.Add(d); kept.Add(Sizes[d]); }
            long inner = 1;
            for (int d = 0; d < Sizes.Length; d++) if (reduced[d]) { order.Add(d); inner *= Sizes[d]; }
            Tensor raw = detach();
            Tensor permuted = raw.permute([.. order]);
            T[] rows = permuted.ToArray<T>();
            return (rows, [.. kept], (int)inner);
        }

        /// <summary>Which dims a reduction covers (all when <paramref name="dims"/> is null).</summary>
        private bool[] ReducedMask(long[]? dims)
        {
            var mask = new bool[Sizes.Length];
            if (dims is null || dims.Length == 0) { Array.Fill(mask, true); return mask; }
            foreach (long dim in dims)
            {
                int d = NormalizeDim(dim, Sizes.Length);
                if (Sizes.Length == 0) continue;
                if (mask[d]) throw new ArgumentException($"dim {d} appears multiple times in the list of dims");
                mask[d] = true;
            }
            return mask;
        }

        /// <summary>Output shape of a reduction: reduced dims dropped, or kept as size 1.</summary>
        private long[] ReducedShape(bool[] mask, bool keepdim)
        {
            var result = new List<long>();
            for (int d = 0; d < Sizes.Length; d++)
                if (!mask[d]) result.Add(Sizes[d]);
                else if (keepdim) result.Add(1);
            return [.. result];
        }

        /// <summary>Gradient of a reduction output brought back to the input shape (re-inserting reduced dims).</summary>
        private static Tensor ExpandReducedGrad(Tensor g, long[] inputShape, bool[] mask, bool keepdim)
        {
            if (!keepdim)
            {
                var keepShape = new long[inputShape.Length];
                for (int d = 0; d < inputShape.Length; d++) keepShape[d] = mask[d] ? 1 : inputShape[d];
                g = g.reshape(keepShape);
            }
            return g.expand(inputShape);
        }

        private Tensor SumKernel(bool[] mask, bool keepdim)
        {
            long[] outShape = ReducedShape(mask, keepdim);
            if (dtype == ScalarType.Float32 && outShape.Length == 0)
                return FromContiguous([TensorPrimitives.Sum(ReadSpan<float>())], outShape); // no regrouping copy
            if (dtype == ScalarType.Float32)
            {
                var (rows, _, inner) = RowsOver<float>(mask);
                var result = new float[ShapeNumel(outShape)];
                if (inner > 0)
                    for (int r = 0; r < result.Length; r++) result[r] = TensorPrimitives.Sum(rows.AsSpan(r * inner, inner));
                return FromContiguous(result, outShape);
            }
            Tensor asLong = dtype == ScalarType.Int64 ? this : to(ScalarType.Int64);
            var (lrows, _, linner) = asLong.RowsOver<long>(mask);
            var lresult = new long[ShapeNumel(outShape)];
            if (linner > 0)
                for (int r = 0; r < lresult.Length; r++) lresult[r] = TensorPrimitives.Sum<long>(lrows.AsSpan(r * linner, linner));
            return FromContiguous(lresult, outShape);
        }

        /// <summary>Sum of all elements (0-d). Integer and bool tensors sum to int64.</summary>
        public Tensor sum() => sum(null, false);

        /// <summary>Sum over one dim.</summary>
        public Tensor sum(long dim, bool keepdim = false) => sum([dim], keepdim);

        /// <summary>Sum over several dims (all when null or empty).</summary>
        public Tensor sum(long[]? dim, bool keepdim = false)
        {
            bool[] mask = ReducedMask(dim);
            Tensor result = SumKernel(mask, keepdim);
            long[] inputShape = shape;
            return FunctionBackward.Record("SumBackward" + (dim is null ? "0" : "1"), result, [this],
                g => [ExpandReducedGrad(g, inputShape, mask, keepdim)]);
        }

        /// <summary>Mean of all elements (0-d, float).</summary>
        public Tensor mean() => mean(null, false);

        /// <summary>Mean over one dim.</summary>
        public Tensor mean(long dim, bool keepdim = false) => mean([dim], keepdim);

        /// <summary>Mean over several dims (all when null or empty).</summary>
        public Tensor mean(long[]? dimensions, bool keepdim = false)
        {
            if (dtype != ScalarType.Float32)
                throw new ArgumentException(
                    $"mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: {(dtype == ScalarType.Int64 ? "Long" : "Bool")}");
            bool[] mask = ReducedMask(dimensions);
            long count = 1;
            for (int d = 0; d < Sizes.Length; d++) if (mask[d]) count *= Sizes[d];
            Tensor sum = SumKernel(mask, keepdim);
            TensorPrimitives.Divide(sum.ContiguousFloatSpan(), count, sum.ContiguousFloatSpan());
            long[] inputShape = shape;
            return FunctionBackward.Record("MeanBackward" + (dimensions is null ? "0" : "1"), sum, [this],
                g => [ExpandReducedGrad(g.div((double)count), inputShape, mask, keepdim)]);
        }

        /// <summary>Index of the extreme element of each row (first one on ties, NaN counts as extreme).</summary>
        private static void ArgExtreme<T>(ReadOnlySpan<T> rows, int inner, Span<long> indexes, Span<T> values, bool max)
            where T : System.Numerics.INumber<T>
        {
            for (int r = 0; r < indexes.Length; r++)
            {
                ReadOnlySpan<T> row = rows.Slice(r * inner, inner);
                int best = 0;
                for (int j = 1; j < inner; j++)
                {
                    if (T.IsNaN(row[best])) break;
                    if (T.IsNaN(row[j]) || (max ? row[j] > row[best] : row[j] < row[best])) best = j;
                }
                indexes[r] = best;
                values[r] = row[best];
            }
        }

        private (Tensor Values, Tensor Indexes) ExtremeKernel(bool[] mask, bool keepdim, bool max, string op)
        {
            long[] outShape = ReducedShape(mask, keepdim);
            var indexes = new long[ShapeNumel(outShape)];
            if (numel() == 0)
                throw new ArgumentException($"{op}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
            for (int d = 0; d < Sizes.Length; d++)
                if (mask[d] && Sizes[d] == 0)
                    throw new IndexOutOfRangeException($"{op}(): Expected reduction dim {d} to have non-zero size.");
            if (dtype == ScalarType.Float32)
            {
                var (rows, _, inner) = RowsOver<float>(mask);
                var values = new float[indexes.Length];
                ArgExtreme<float>(rows, inner, indexes, values, max);
                return (FromContiguous(values, outShape), FromContiguous(indexes, outShape));
            }
            Tensor asLong = dtype == ScalarType.Int64 ? this : to(ScalarType.Int64);
            var (lrows, _, linner) = asLong.RowsOver<long>(mask);
            var lvalues = new long[indexes.Length];
            ArgExtreme<long>(lrows, linner, indexes, lvalues, max);
            Tensor v = FromContiguous(lvalues, outShape);
            return (dtype == ScalarType.Bool ? v.@bool() : v, FromContiguous(indexes, outShape));
        }

        private Tensor ExtremeAll(bool max)
        {
            var (values, _) = ExtremeKernel(ReducedMask(null), false, max, max ? "max" : "min");
            Tensor x = this;
            return FunctionBackward.Record(max ? "MaxBackward1" : "MinBackward1", values, [x], g =>
            {
                // Ties share the gradient evenly, as PyTorch's evenly_distribute_backward.
                Tensor hits = x.eq(values).@float();
                return [hits.mul(g.div(hits.sum()))];
            });
        }

        private (Tensor values, Tensor indexes) ExtremeDim(long dim, bool keepdim, bool max)
        {
            bool[] mask = ReducedMask([dim]);
            var (values, indexes) = ExtremeKernel(mask, keepdim, max, max ? "max" : "min");
            long[] inputShape = shape;
            int d = NormalizeDim(dim, Sizes.Length);
            FunctionBackward.Record(max ? "MaxBackward0" : "MinBackward0", values, [this], g =>
            {
                Tensor gk = keepdim || inputShape.Length == 0 ? g : g.unsqueeze(d);
                Tensor ik = keepdim || inputShape.Length == 0 ? indexes : indexes.unsqueeze(d);
                return [Zeros(inputShape, ScalarType.Float32).scatter(d, ik, gk)];
            });
            return (values, indexes);
        }

        /// <summary>The largest element (0-d).</summary>
        public Tensor max() => ExtremeAll(true);

        /// <summary>The smallest element (0-d).</summary>
        public Tensor min() => ExtremeAll(false);

        /// <summary>Largest values along a dim and where they are: (values, indexes).</summary>
        public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false) => ExtremeDim(dim, keepdim, true);

        /// <summary>Smallest values along a dim and where they are: (values, indexes).</summary>
        public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false) => ExtremeDim(dim, keepdim, false);

        /// <summary>Elementwise maximum with another tensor (same as <see cref="maximum"/>).</summary>
        public Tensor max(Tensor other) => maximum(other);

        /// <summary>Elementwise minimum with another tensor (same as <see cref="minimum"/>).</summary>
        public Tensor min(Tensor other) => minimum(other);

        /// <summary>Flat index of the largest element (int64, 0-d).</summary>
        public Tensor argmax() => reshape(-1).ExtremeKernel([true], false, true, "argmax").Indexes;

        /// <summary>Index of the largest element along a dim (int64).</summary>
        public Tensor argmax(long dim, bool keepdim = false) => ExtremeKernel(ReducedMask([dim]), keepdim, true, "argmax").Indexes;

        /// <summary>Flat index of the smallest element (int64, 0-d).</summary>
        public Tensor argmin() => reshape(-1).ExtremeKernel([true], false, false, "argmin").Indexes;

        /// <summary>Index of the smallest element along a dim (int64).</summary>
        public Tensor argmin(long dim, bool keepdim = false) => ExtremeKernel(ReducedMask([dim]), keepdim, false, "argmin").Indexes;

        /// <summary>
        /// Sums broadcast dims away so the result has <paramref name="size"/>: the gradient of an expand.
        /// </summary>
        public Tensor sum_to_size(params long[] size)
        {
            if (Sizes.AsSpan().SequenceEqual(size)) return this;
            int lead = Sizes.Length - size.Length;
            if (lead < 0) throw new ArgumentException($"size {{{ShapeString(size)}}} is not expandable to size {{{ShapeString(Sizes)}}}.");
            var dims = new List<long>();
            for (int d = 0; d < Sizes.Length; d++)
            {
                if (d < lead) { dims.Add(d); continue; }
                long want = size[d - lead];
                if (want == 1 && Sizes[d] != 1) dims.Add(d);
                else if (want != Sizes[d]) throw new ArgumentException($"size {{{ShapeString(size)}}} is not expandable to size {{{ShapeString(Sizes)}}}.");
            }
            Tensor result = dims.Count == 0 ? this : sum([.. dims], keepdim: true);
            return lead > 0 || !result.Sizes.AsSpan().SequenceEqual(size) ? result.reshape(size) : result;
        }
    }

    /// <summary>Sum of all elements.</summary>
    public static Tensor sum(Tensor input) => input.sum();
    /// <summary>Sum over a dim.</summary>
    public static Tensor sum(Tensor input, long dim, bool keepdim = false) => input.sum(dim, keepdim);
    /// <summary>Mean of all elements.</summary>
    public static Tensor mean(Tensor input) => input.mean();
    /// <summary>Mean over dims.</summary>
    public static Tensor mean(Tensor input, long[] dimensions, bool keepdim = false) => input.mean(dimensions, keepdim);
    /// <summary>Largest element.</summary>
    public static Tensor max(Tensor input) => input.max();
    /// <summary>Largest values along a dim with their indexes.</summary>
    public static (Tensor values, Tensor indexes) max(Tensor input, long dim, bool keepdim = false) => input.max(dim, keepdim);
    /// <summary>Smallest element.</summary>
    public static Tensor min(Tensor input) => input.min();
    /// <summary>Smallest values along a dim with their indexes.</summary>
    public static (Tensor values, Tensor indexes) min(Tensor input, long dim, bool keepdim = false) => input.min(dim, keepdim);
    /// <summary>Flat index of the largest element.</summary>
    public static Tensor argmax(Tensor input) => input.argmax();
    /// <summary>Index of the largest element along a dim.</summary>
    public static Tensor argmax(Tensor input, long dim, bool keepdim = false) => input.argmax(dim, keepdim);
}
