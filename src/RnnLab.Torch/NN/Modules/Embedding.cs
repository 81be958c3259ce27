using RnnLab.Torch.Autograd;
using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A lookup table of <paramref name="num_embeddings"/> vectors of size <paramref name="embedding_dims"/>, initialised from N(0, 1).</summary>
            /// <exception cref="NotSupportedException">max_norm, scale_grad_by_freq and sparse gradients are not implemented.</exception>
            public static Embedding Embedding(long num_embeddings, long embedding_dims, long? padding_idx = null, double? max_norm = null,
                double norm_type = 2.0, bool scale_grad_by_freq = false, bool sparse = false, Device? device = null, ScalarType? dtype = null)
            {
                device?.EnsureCpu();
                if (max_norm is not null || scale_grad_by_freq || sparse)
                    throw new NotSupportedException("Embedding: max_norm, scale_grad_by_freq and sparse are not supported by RnnLab.Torch");
                return new Embedding(num_embeddings, embedding_dims, padding_idx);
            }
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.nn.Embedding: forward(indices of any shape, int64) returns (..., embedding_dim) rows of "weight".</summary>
    public sealed class Embedding : torch.nn.Module<torch.Tensor, torch.Tensor>
    {
        internal Embedding(long numEmbeddings, long embeddingDims, long? paddingIdx) : base(nameof(Embedding))
        {
            if (paddingIdx is { } p)
            {
                if (p >= numEmbeddings || p < -numEmbeddings) throw new ArgumentException("Padding_idx must be within num_embeddings");
                paddingIdx = p < 0 ? p + numEmbeddings : p;
            }
            num_embeddings = numEmbeddings;
            embedding_dim = embeddingDims;
            padding_idx = paddingIdx;
            weight = ParameterInit.Empty(numEmbeddings, embeddingDims);
            register_parameter(nameof(weight), weight);
            using var _ = torch.no_grad();
            torch.nn.init.normal_(weight);
            if (paddingIdx is { } row) weight.ContiguousFloatSpan().Slice((int)(row * embeddingDims), (int)embeddingDims).Clear();
        }

        /// <summary>Number of rows.</summary>
        public long num_embeddings { get; }
        /// <summary>Size of each row.</summary>
        public long embedding_dim { get; }
        /// <summary>The row that gets no gradient (and starts at zero), if any.</summary>
        public long? padding_idx { get; }
        /// <summary>The (num_embeddings, embedding_dim) table.</summary>
        public torch.Tensor weight { get; }

        /// <inheritdoc/>
        public override torch.Tensor forward(torch.Tensor input)
        {
            if (input.dtype != torch.ScalarType.Int64)
                throw new ArgumentException($"Expected tensor for argument #1 'indices' to have scalar type Long; but got {torch.Tensor.DTypeName(input.dtype)} instead");
            long[] indices = input.ToArray<long>();
            int dim = (int)embedding_dim;
            ReadOnlySpan<float> table = LocalTensorOps.Read(weight);
            var y = new float[indices.Length * dim];
            for (int i = 0; i < indices.Length; i++)
            {
                long row = indices[i];
                if (row < 0 || row >= num_embeddings) throw new IndexOutOfRangeException($"index out of range in self (index {row}, num_embeddings {num_embeddings})");
                table.Slice((int)(row * dim), dim).CopyTo(y.AsSpan(i * dim));
            }
            var result = torch.Tensor.FromContiguous(y, [.. input.shape, embedding_dim]);
            if (Node.ShouldRecord(weight)) new EmbeddingBackward(indices, weight.shape, padding_idx).Record([weight], [result]);
            return result;
        }

        /// <inheritdoc/>
        public override string extra_repr() => $"{num_embeddings}, {embedding_dim}" + (padding_idx is { } p ? $", padding_idx={p}" : "");
    }

    /// <summary>Scatter-adds output gradients into the rows that were looked up (never into padding_idx).</summary>
    internal sealed class EmbeddingBackward(long[] indices, long[] weightShape, long? paddingIdx) : Node
    {
        public override string name() => "EmbeddingBackward0";

        protected override torch.Tensor?[] Backward(torch.Tensor?[] gradOutputs)
        {
            int dim = (int)weightShape[1];
            ReadOnlySpan<float> dy = LocalTensorOps.Read(gradOutputs[0]!);
            var dw = new float[weightShape[0] * dim];
            for (int i = 0; i < indices.Length; i++)
            {
                if (indices[i] == paddingIdx) continue;
                Span<float> row = dw.AsSpan((int)(indices[i] * dim), dim);
                System.Numerics.Tensors.TensorPrimitives.Add(row, dy.Slice(i * dim, dim), row);
            }
            return [torch.Tensor.FromContiguous(dw, weightShape)];
        }
    }
}
