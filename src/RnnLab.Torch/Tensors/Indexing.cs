using RnnLab.Torch.Autograd;
using System.Runtime.CompilerServices;

namespace RnnLab.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>PyTorch-style indexing: ints, slices/ranges, Ellipsis, None, an index tensor or mask. Basic indexing gives views.</summary>
        [IndexerName("TensorItems")]
        public Tensor this[params TensorIndex[] indices]
        {
            get => index(indices);
            set => index_put_(value, indices);
        }

        /// <summary>Integer indexing: a view with those dims removed (a 0-d tensor for a full index, never a number).</summary>
        [IndexerName("TensorItems")]
        public Tensor this[params long[] indices]
        {
            get => index(indices.Select(i => TensorIndex.Single(i)).ToArray());
            set => index_put_(value, indices.Select(i => TensorIndex.Single(i)).ToArray());
        }

        /// <summary>Advanced indexing with one index tensor (or bool mask) on the first dim.</summary>
        [IndexerName("TensorItems")]
        public Tensor this[Tensor indices]
        {
            get => index(TensorIndex.Tensor(indices));
            set => index_put_(value, TensorIndex.Tensor(indices));
        }

        /// <summary>The result of indexing, as <c>x[...]</c>.</summary>
        public Tensor index(params TensorIndex[] indices)
        {
            (Tensor basic, int tensorDim, Tensor? indexTensor) = ApplyBasic(indices);
            if (indexTensor is null) return basic;
            // Advanced indexing copies: computed on the detached view, recorded as one IndexBackward0 node.
            Tensor raw = basic.detach();
            long[] basicShape = basic.shape;
            long[] picks;
            Tensor source;
            long[] outShape;
            if (indexTensor.dtype == ScalarType.Bool)
            {
                // A mask over the dims starting at tensorDim: those dims collapse into one (PyTorch's x[mask]).
                int maskRank = indexTensor.Sizes.Length;
                for (int i = 0; i < maskRank; i++)
                    if (raw.Sizes[tensorDim + i] != indexTensor.Sizes[i])
                        throw new IndexOutOfRangeException(
                            $"The shape of the mask {ShapeString(indexTensor.Sizes)} at index {i} does not match the shape of the indexed tensor {ShapeString(raw.Sizes)} at index {tensorDim + i}");
                source = raw.flatten(tensorDim, tensorDim + maskRank - 1);
                ReadOnlySpan<bool> m = indexTensor.ReadSpan<bool>();
                var positions = new List<long>();
                for (int i = 0; i < m.Length; i++) if (m[i]) positions.Add(i);
                picks = [.. positions];
                outShape = [.. source.Sizes[..tensorDim], picks.Length, .. source.Sizes[(tensorDim + 1)..]];
            }
            else
            {
                source = raw;
                picks = indexTensor.ToArray<long>();
                for (int i = 0; i < picks.Length; i++) picks[i] = CheckedIndex(picks[i], raw.Sizes[tensorDim], tensorDim);
                outShape = [.. raw.Sizes[..tensorDim], .. indexTensor.Sizes, .. raw.Sizes[(tensorDim + 1)..]];
            }
            Tensor result = source.index_select(tensorDim, FromContiguous(picks, [picks.Length])).reshape(outShape);
            long[] sourceShape = source.shape;
            long[] selectedShape = [.. sourceShape[..tensorDim], picks.Length, .. sourceShape[(tensorDim + 1)..]];
            return FunctionBackward.Record("IndexBackward0", result, [basic], g =>
                [IndexAdd(sourceShape, tensorDim, picks, g.reshape(selectedShape)).reshape(basicShape)]);
        }

        /// <summary>Writes <paramref name="value"/> (broadcast) into the indexed positions; returns this.</summary>
        public Tensor index_put_(Tensor value, params TensorIndex[] indices)
        {
            CheckInPlace(value);
            (Tensor basic, int tensorDim, Tensor? indexTensor) = ApplyBasic(indices, record: false);
            if (indexTensor is null)
            {
                basic.CopyFrom(value);
                return this;
            }
            if (indexTensor.dtype == ScalarType.Bool)
            {
                if (indexTensor.Sizes.Length != basic.Sizes.Length - tensorDim && tensorDim != 0)
                    throw new NotSupportedException("mask assignment supports a mask covering the trailing dims");
                Tensor maskFull = indexTensor.ExpandView(basic.Sizes[tensorDim..]);
                Tensor vals = value.ExpandView(basic.Sizes[tensorDim..]);
                ReadOnlySpan<bool> m = maskFull.ReadSpan<bool>();
                Tensor target = basic;
                for (long k = 0; k < m.Length; k++)
                    if (m[(int)k]) CopyOne(target, vals, k, tensorDim);
                return this;
            }
            ReadOnlySpan<long> idx = indexTensor.ReadSpan<long>();
            long[] valueShape = [.. basic.Sizes[..tensorDim], .. indexTensor.Sizes, .. basic.Sizes[(tensorDim + 1)..]];
            Tensor expanded = value.ExpandView(valueShape).reshape([.. basic.Sizes[..tensorDim], idx.Length, .. basic.Sizes[(tensorDim + 1)..]]);
            for (int i = 0; i < idx.Length; i++)
            {
                long k = CheckedIndex(idx[i], basic.Sizes[tensorDim], tensorDim);
                basic.SliceView(tensorDim, k, 1, 1).CopyFrom(expanded.SliceView(tensorDim, i, 1, 1));
            }
            return this;
        }

        /// <summary>Copies the element at flat position <paramref name="flat"/> of the trailing dims (mask assignment).</summary>
        private static void CopyOne(Tensor target, Tensor values, long flat, int fromDim)
        {
            long[] sub = target.Sizes[fromDim..];
            var pos = new long[sub.Length];
            for (int i = sub.Length - 1; i >= 0; i--) { pos[i] = flat % sub[i]; flat /= sub[i]; }
            Tensor t = target, v = values;
            for (int i = 0; i < pos.Length; i++) { t = t.SliceView(fromDim + i, pos[i], 1, 1); v = v.SliceView(i, pos[i], 1, 1); }
            t.CopyFrom(v.reshape(v.Sizes.Length == 0 ? [] : Enumerable.Repeat(1L, v.Sizes.Length).ToArray()));
        }

        /// <summary>
        /// Applies ints, slices, Ellipsis and None as views; returns the dim where a tensor index applies (at most one).
        /// </summary>
        private (Tensor Result, int TensorDim, Tensor? IndexTensor) ApplyBasic(TensorIndex[] indices, bool record = true)
        {
            int consumed = 0;
            foreach (TensorIndex i in indices)
                consumed += i.Kind switch
                {
                    TensorIndex.IndexKind.Single or TensorIndex.IndexKind.Slice => 1,
                    TensorIndex.IndexKind.Tensor => i.IndexTensor!.dtype == ScalarType.Bool ? Math.Max(i.IndexTensor.Sizes.Length, 1) : 1,
                    _ => 0,
                };
            if (consumed > Sizes.Length)
                throw new IndexOutOfRangeException($"too many indices for tensor of dimension {Sizes.Length}");
            if (indices.Count(i => i.Kind == TensorIndex.IndexKind.Ellipsis) > 1)
                throw new IndexOutOfRangeException("an index can only have a single ellipsis ('...')");
            if (indices.Count(i => i.Kind == TensorIndex.IndexKind.Tensor) > 1)
                throw new NotSupportedException("indexing with more than one index tensor is not supported; use gather or index_select");

            Tensor t = record ? this : detach();
            int dim = 0;
            int tensorDim = -1;
            Tensor? indexTensor = null;
            foreach (TensorIndex i in indices)
            {
                switch (i.Kind)
                {
                    case TensorIndex.IndexKind.Single:
                    {
                        long size = t.Sizes[dim], at = i.Start!.Value;
                        if (at < -size || at >= size)
                            throw new IndexOutOfRangeException($"index {at} is out of bounds for dimension {dim} with size {size}");
                        t = t.select(dim, at);
                        break;
                    }
                    case TensorIndex.IndexKind.Slice:
                    {
                        long size = t.Sizes[dim];
                        long step = i.Step ?? 1;
                        if (step <= 0) throw new ArgumentException("step must be greater than zero");
                        long start = Math.Clamp(i.Start is { } s ? (s < 0 ? s + size : s) : 0, 0, size);
                        long stop = Math.Clamp(i.Stop is { } e ? (e < 0 ? e + size : e) : size, 0, size);
                        long count = stop > start ? (stop - start + step - 1) / step : 0;
                        if (!(start == 0 && count == size && step == 1)) t = t.SliceView(dim, start, count, step);
                        dim++;
                        break;
                    }
                    case TensorIndex.IndexKind.Ellipsis:
                        dim += Sizes.Length - consumed;
                        break;
                    case TensorIndex.IndexKind.None:
                        t = t.unsqueeze(dim);
                        dim++;
                        break;
                    case TensorIndex.IndexKind.Bool:
                        t = t.unsqueeze(dim);
                        if (i.Start == 0) t = t.SliceView(dim, 0, 0, 1);
                        dim++;
                        break;
                    case TensorIndex.IndexKind.Tensor:
                        indexTensor = i.IndexTensor!;
                        tensorDim = dim;
                        if (indexTensor.dtype == ScalarType.Float32)
                            throw new IndexOutOfRangeException("tensors used as indices must be long, int, byte or bool tensors");
                        if (indexTensor.dtype == ScalarType.Bool && indexTensor.Sizes.Length == 0)
                        {
                            // x[True] / x[False] on a 0-d mask: a new axis of size 1 or 0.
                            t = t.unsqueeze(dim);
                            if (!indexTensor.item<bool>()) t = t.SliceView(dim, 0, 0, 1);
                            indexTensor = null;
                            tensorDim = -1;
                            dim++;
                        }
                        else dim += indexTensor.dtype == ScalarType.Bool ? indexTensor.Sizes.Length : 1;
                        break;
                }
            }
            return (t, tensorDim, indexTensor);
        }
    }
}
