using RnnLab.Torch.Autograd;

namespace RnnLab.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>A view over the same storage with other sizes/strides/offset; not recorded.</summary>
        internal Tensor AsStrided(long[] sizes, long[] strides, long offset) => new(Storage, sizes, strides, offset, dtype);

        /// <summary>
        /// Records a view whose gradient is scattered back through the same view of a zero tensor shaped
        /// like the input: right for every view that picks each input element at most once.
        /// </summary>
        private Tensor RecordScatterView(string name, Tensor view, Func<Tensor, Tensor> reapply)
        {
            long[] inputShape = shape;
            return FunctionBackward.Record(name, view, [this], g =>
            {
                Tensor result = Zeros(inputShape, ScalarType.Float32);
                reapply(result).CopyFrom(g);
                return [result];
            });
        }

        /// <summary>Reorders the dims: result dim i is input dim <paramref name="permutation"/>[i]. A view.</summary>
        public Tensor permute(params long[] permutation)
        {
            int rank = Sizes.Length;
            if (permutation.Length != rank)
                throw new ArgumentException(
                    $"permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = {rank} is not equal to len(dims) = {permutation.Length}");
            var dims = new int[rank];
            var seen = new bool[rank];
            var sizes = new long[rank];
            var strides = new long[rank];
            for (int i = 0; i < rank; i++)
            {
                int d = NormalizeDim(permutation[i], rank);
                if (seen[d]) throw new ArgumentException("permute(): duplicate dims are not allowed.");
                seen[d] = true;
                dims[i] = d;
                sizes[i] = Sizes[d];
                strides[i] = Strides[d];
            }
            Tensor view = AsStrided(sizes, strides, Offset);
            return FunctionBackward.Record("PermuteBackward0", view, [this], g =>
            {
                var inverse = new long[rank];
                for (int i = 0; i < rank; i++) inverse[dims[i]] = i;
                return [g.permute(inverse)];
            });
        }

        /// <summary>Swaps two dims. A view.</summary>
        public Tensor transpose(long dim0, long dim1) => TransposeNamed(dim0, dim1, "TransposeBackward0");

        private Tensor TransposeNamed(long dim0, long dim1, string name)
        {
            int rank = Sizes.Length;
            if (rank == 0) return alias();
            int a = NormalizeDim(dim0, rank), b = NormalizeDim(dim1, rank);
            var sizes = shape;
            var strides = stride();
            (sizes[a], sizes[b]) = (sizes[b], sizes[a]);
            (strides[a], strides[b]) = (strides[b], strides[a]);
            Tensor view = AsStrided(sizes, strides, Offset);
            return FunctionBackward.Record(name, view, [this], g => [g.transpose(a, b)]);
        }

        /// <summary>Same as <see cref="transpose"/>, NumPy's name.</summary>
        public Tensor swapaxes(long dim0, long dim1) => transpose(dim0, dim1);

        /// <summary>Transpose of a matrix (0-D and 1-D tensors are returned as they are).</summary>
        public Tensor t()
        {
            if (Sizes.Length > 2)
                throw new ArgumentException($"t() expects a tensor with <= 2 dimensions, but self is {Sizes.Length}D");
            return Sizes.Length < 2 ? alias() : TransposeNamed(0, 1, "TBackward0");
        }

        /// <summary>All dims reversed (the transpose for matrices).</summary>
        public Tensor T
        {
            get
            {
                var order = new long[Sizes.Length];
                for (int i = 0; i < order.Length; i++) order[i] = order.Length - 1 - i;
                return permute(order);
            }
        }

        /// <summary>The last two dims swapped (batched matrix transpose).</summary>
        public Tensor mT => Sizes.Length < 2
            ? throw new ArgumentException($"tensor.mT is only supported on matrices or batches of matrices. Got {Sizes.Length}-D tensor.")
            : transpose(-2, -1);

        /// <summary>Moves one dim to a new position, keeping the others in order. A view.</summary>
        public Tensor movedim(long source, long destination)
        {
            int rank = Sizes.Length;
            int s = NormalizeDim(source, rank), d = NormalizeDim(destination, rank);
            var order = new List<long>();
            for (int i = 0; i < rank; i++) if (i != s) order.Add(i);
            order.Insert(d, s);
            return permute([.. order]);
        }

        /// <summary>A new tensor object over the same storage, keeping the graph.</summary>
        public Tensor alias()
        {
            Tensor view = AsStrided(shape, stride(), Offset);
            return FunctionBackward.Record("AliasBackward0", view, [this], g => [g]);
        }

        /// <summary>Resolves one -1 in a requested shape from the element count, with PyTorch's errors.</summary>
        private long[] InferShape(long[] requested)
        {
            long n = numel();
            var result = (long[])requested.Clone();
            int inferred = -1;
            long known = 1;
            for (int i = 0; i < result.Length; i++)
            {
                if (result[i] == -1)
                {
                    if (inferred >= 0) throw new ArgumentException("only one dimension can be inferred");
                    inferred = i;
                }
                else if (result[i] < 0) throw new ArgumentException($"invalid shape dimension {result[i]}");
                else known *= result[i];
            }
            if (inferred >= 0)
            {
                if (known == 0 || n % known != 0)
                    throw new ArgumentException($"shape '{ShapeString(requested)}' is invalid for input of size {n}");
                result[inferred] = n / known;
            }
            else if (known != n)
                throw new ArgumentException($"shape '{ShapeString(requested)}' is invalid for input of size {n}");
            return result;
        }

        /// <summary>
        /// Strides that let the current layout be read with <paramref name="newShape"/> without copying,
        /// or null when impossible (ATen's computeStride: groups of dims that are contiguous among themselves).
        /// </summary>
        private long[]? ViewStrides(long[] newShape)
        {
            var newStrides = new long[newShape.Length];
            if (numel() == 0 || Sizes.Length == 0) return ContiguousStrides(newShape);
            int viewD = newShape.Length - 1;
            long chunkBase = Strides.Length > 0 ? Strides[^1] : 1;
            long tensorNumel = 1, viewNumel = 1;
            for (int d = Sizes.Length - 1; d >= 0; d--)
            {
                tensorNumel *= Sizes[d];
                if (d == 0 || (Sizes[d - 1] != 1 && Strides[d - 1] != tensorNumel * chunkBase))
                {
                    while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1))
                    {
                        newStrides[viewD] = viewNumel * chunkBase;
                        viewNumel *= newShape[viewD];
                        viewD--;
                    }
                    if (viewNumel != tensorNumel) return null;
                    if (d > 0)
                    {
                        chunkBase = Strides[d - 1];
                        tensorNumel = 1;
                        viewNumel = 1;
                    }
                }
            }
            if (viewD != -1) return null;
            return newStrides;
        }

        /// <summary>The same elements with another shape, sharing storage; one size may be -1.</summary>
        /// <exception cref="InvalidOperationException">The layout cannot be viewed that way (use reshape).</exception>
        public Tensor view(params long[] shape) => ViewNamed(shape, "ViewBackward0");

        /// <summary>view() recorded under another node name (reshape and matmul are views with their own names in PyTorch).</summary>
        internal Tensor ViewNamed(long[] shape, string name)
        {
            long[] newShape = InferShape(shape);
            long[] strides = ViewStrides(newShape) ?? throw new InvalidOperationException(
                "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). " +
                $"Use .reshape(...) instead. (input shape {ShapeString(Sizes)}, strides {ShapeString(Strides)}, requested {ShapeString(shape)})");
            Tensor result = AsStrided(newShape, strides, Offset);
            long[] inputShape = this.shape;
            return FunctionBackward.Record(name, result, [this], g => [g.reshape(inputShape)]);
        }

        /// <summary>A view with <paramref name="other"/>'s shape.</summary>
        public Tensor view_as(Tensor other) => view(other.shape);

        /// <summary>The same elements with another shape: a view when the layout allows, else a copy.</summary>
        public Tensor reshape(params long[] shape)
        {
            long[] newShape = InferShape(shape);
            if (ViewStrides(newShape) is not null) return ViewNamed(newShape, "ReshapeAliasBackward0");
            return contiguous().ViewNamed(newShape, "UnsafeViewBackward0");
        }

        /// <summary>Same as reshape with <paramref name="other"/>'s shape.</summary>
        public Tensor reshape_as(Tensor other) => reshape(other.shape);

        /// <summary>Dims <paramref name="start_dim"/>..<paramref name="end_dim"/> merged into one.</summary>
        public Tensor flatten(long start_dim = 0, long end_dim = -1)
        {
            if (Sizes.Length == 0) return reshape(1);
            int s = NormalizeDim(start_dim, Sizes.Length), e = NormalizeDim(end_dim, Sizes.Length);
            if (s > e) throw new ArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
            if (s == e) return alias();
            var newShape = new List<long>();
            for (int d = 0; d < s; d++) newShape.Add(Sizes[d]);
            long merged = 1;
            for (int d = s; d <= e; d++) merged *= Sizes[d];
            newShape.Add(merged);
            for (int d = e + 1; d < Sizes.Length; d++) newShape.Add(Sizes[d]);
            return reshape([.. newShape]);
        }

        /// <summary>Splits one dim into the given sizes (one may be -1).</summary>
        public Tensor unflatten(long dim, params long[] sizes)
        {
            int d = NormalizeDim(dim, Sizes.Length);
            var newShape = new List<long>(Sizes[..d]);
            long known = 1;
            foreach (long s in sizes) if (s != -1) known *= s;
            foreach (long s in sizes) newShape.Add(s == -1 ? Sizes[d] / Math.Max(known, 1) : s);
            newShape.AddRange(Sizes[(d + 1)..]);
            return view([.. newShape]);
        }

        /// <summary>Elements <paramref name="start"/> .. start+length-1 of one dim. A view.</summary>
        public Tensor narrow(long dim, long start, long length)
        {
            if (Sizes.Length == 0) throw new ArgumentException("narrow() cannot be applied to a 0-dim tensor.");
            int d = NormalizeDim(dim, Sizes.Length);
            long size = Sizes[d];
            if (start < 0) start += size;
            if (start < 0 || start > size)
                throw new IndexOutOfRangeException($"start ({start}) is out of bounds for dimension {d} with size {size}");
            if (length < 0 || start + length > size)
                throw new ArgumentException($"start ({start}) + length ({length}) exceeds dimension size ({size}).");
            return SliceView(d, start, length, 1, "SliceBackward0");
        }

        /// <summary>Every <paramref name="step"/>-th element of [start, start+step*count) along a dim.</summary>
        internal Tensor SliceView(int d, long start, long count, long step, string name = "SliceBackward0")
        {
            var sizes = shape;
            var strides = stride();
            sizes[d] = count;
            strides[d] *= step;
            Tensor view = AsStrided(sizes, strides, Offset + (count > 0 ? start * Strides[d] : 0));
            return RecordScatterView(name, view, z => z.SliceView(d, start, count, step));
        }

        /// <summary>One index along a dim, removing that dim. A view.</summary>
        public Tensor select(long dim, long index)
        {
            if (Sizes.Length == 0) throw new IndexOutOfRangeException("select() cannot be applied to a 0-dim tensor.");
            int d = NormalizeDim(dim, Sizes.Length);
            long size = Sizes[d];
            if (index < -size || index >= size)
                throw new IndexOutOfRangeException($"select(): index {index} out of range for tensor of size {ShapeString(Sizes)} at dimension {d}");
            long i = index < 0 ? index + size : index;
            long[] sizes = [.. Sizes[..d], .. Sizes[(d + 1)..]];
            long[] strides = [.. Strides[..d], .. Strides[(d + 1)..]];
            Tensor view = AsStrided(sizes, strides, Offset + i * Strides[d]);
            return RecordScatterView("SelectBackward0", view, z => z.select(d, i));
        }

        /// <summary>Removes size-1 dims (all of them, or only <paramref name="dim"/>). A view.</summary>
        public Tensor squeeze(long? dim = null)
        {
            var keep = new List<int>();
            int target = dim is { } dd ? NormalizeDim(dd, Sizes.Length) : -1;
            for (int d = 0; d < Sizes.Length; d++)
                if (!(Sizes[d] == 1 && (target < 0 || d == target))) keep.Add(d);
            long[] sizes = keep.Select(d => Sizes[d]).ToArray();
            long[] strides = keep.Select(d => Strides[d]).ToArray();
            Tensor view = AsStrided(sizes, strides, Offset);
            long[] inputShape = shape;
            return FunctionBackward.Record(dim is null ? "SqueezeBackward0" : "SqueezeBackward1", view, [this], g => [g.reshape(inputShape)]);
        }

        /// <summary>Inserts a size-1 dim at <paramref name="dim"/> (which may be rank, or negative). A view.</summary>
        public Tensor unsqueeze(long dim)
        {
            int d = NormalizeDim(dim, Sizes.Length + 1);
            long stride = d < Sizes.Length ? Sizes[d] * Strides[d] : 1;
            long[] sizes = [.. Sizes[..d], 1, .. Sizes[d..]];
            long[] strides = [.. Strides[..d], stride, .. Strides[d..]];
            Tensor view = AsStrided(sizes, strides, Offset);
            return FunctionBackward.Record("UnsqueezeBackward0", view, [this], g => [g.squeeze(d)]);
        }

        /// <summary>
        /// Repeats size-1 dims (and adds leading dims) without copying: stride 0. -1 keeps a size.
        /// </summary>
        public Tensor expand(params long[] sizes)
        {
            Tensor view = ExpandView(sizes);
            long[] inputShape = shape;
            return FunctionBackward.Record("ExpandBackward0", view, [this], g => [g.sum_to_size(inputShape)]);
        }

        /// <summary>Expanded to <paramref name="other"/>'s shape.</summary>
        public Tensor expand_as(Tensor other) => expand(other.shape);

        /// <summary>Broadcast to a shape (same as expand with PyTorch's broadcasting rules).</summary>
        public Tensor broadcast_to(params long[] sizes) => expand(sizes);

        internal Tensor ExpandView(long[] sizes)
        {
            int rank = sizes.Length, lead = rank - Sizes.Length;
            if (lead < 0)
                throw new ArgumentException(
                    $"expand(torch.FloatTensor{{{ShapeString(Sizes)}}}, size={ShapeString(sizes)}): the number of sizes provided ({rank}) must be greater or equal to the number of dimensions in the tensor ({Sizes.Length})");
            var newSizes = new long[rank];
            var newStrides = new long[rank];
            for (int d = rank - 1; d >= 0; d--)
            {
                int src = d - lead;
                long want = sizes[d];
                if (src < 0)
                {
                    if (want < 0) throw new ArgumentException($"The expanded size of the tensor ({want}) isn't allowed in a leading, non-existing dimension {d}");
                    newSizes[d] = want;
                    newStrides[d] = 0;
                    continue;
                }
                long have = Sizes[src];
                if (want == -1) want = have;
                if (have == want) { newSizes[d] = have; newStrides[d] = Strides[src]; }
                else if (have == 1) { newSizes[d] = want; newStrides[d] = 0; }
                else
                    throw new ArgumentException(
                        $"The expanded size of the tensor ({want}) must match the existing size ({have}) at non-singleton dimension {d}.  Target sizes: {ShapeString(sizes)}.  Tensor sizes: {ShapeString(Sizes)}");
            }
            return AsStrided(newSizes, newStrides, Offset);
        }

        /// <summary>A contiguous copy that keeps the graph (gradient flows back unchanged).</summary>
        public Tensor clone()
        {
            Tensor result = new(CopyStorage(), shape, ContiguousStrides(Sizes), 0, dtype);
            return FunctionBackward.Record("CloneBackward0", result, [this], g => [g]);
        }
    }
}
