using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class utils
        {
            public static partial class data
            {
                /// <summary>Samples are the i-th rows of tensors that share their first dimension.</summary>
                public static TensorDataset TensorDataset(params Tensor[] tensors) => new(tensors);
            }
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.utils.data.TensorDataset: sample i is (t[i] for each tensor).</summary>
    public sealed class TensorDataset : torch.utils.data.Dataset<IList<torch.Tensor>>
    {
        internal TensorDataset(torch.Tensor[] tensors)
        {
            if (tensors.Length == 0) throw new ArgumentException("TensorDataset needs at least one tensor");
            long count = tensors[0].dim() == 0 ? throw new ArgumentException("TensorDataset tensors need a first dimension") : tensors[0].Sizes[0];
            foreach (torch.Tensor t in tensors)
                if (t.dim() == 0 || t.Sizes[0] != count)
                    throw new ArgumentException($"Size mismatch between tensors: first dimensions {string.Join(", ", tensors.Select(x => x.dim() == 0 ? "scalar" : x.Sizes[0].ToString(System.Globalization.CultureInfo.InvariantCulture)))}");
            Tensors = tensors;
            Count = count;
        }

        /// <summary>The wrapped tensors.</summary>
        public IReadOnlyList<torch.Tensor> Tensors { get; }

        /// <inheritdoc/>
        public override long Count { get; }

        /// <inheritdoc/>
        public override IList<torch.Tensor> GetTensor(long index)
        {
            if (index < 0 || index >= Count) throw new IndexOutOfRangeException($"index {index} is out of bounds for a dataset of {Count} samples");
            return Tensors.Select(t => Row(t, index)).ToList();
        }

        /// <summary>Rows <paramref name="indices"/> of every tensor, stacked: a whole batch in one gather per tensor.</summary>
        internal TensorBatch Gather(ReadOnlySpan<long> indices)
        {
            var columns = new torch.Tensor[Tensors.Count];
            for (int k = 0; k < columns.Length; k++) columns[k] = LocalTensorOps.GatherRows(Tensors[k], indices);
            return new TensorBatch(columns);
        }

        private static torch.Tensor Row(torch.Tensor t, long index)
        {
            torch.Tensor one = LocalTensorOps.GatherRows(t, [index]);
            long[] shape = one.shape[1..];
            return new torch.Tensor(one.Storage, shape, torch.Tensor.ContiguousStrides(shape), 0, one.dtype);
        }
    }
}
