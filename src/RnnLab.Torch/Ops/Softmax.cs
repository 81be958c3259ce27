using System.Numerics.Tensors;
using RnnLab.Torch.Autograd;

namespace RnnLab.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>Softmax or log-softmax along a dim, computed on rows with the max subtracted (stable).</summary>
        private Tensor SoftmaxKernel(int d, bool log)
        {
            Tensor moved = detach().movedim(d, -1);
            float[] rows = moved.@float().ToArray<float>();
            int inner = Sizes.Length == 0 ? 1 : (int)Sizes[d];
            if (inner > 0)
            {
                for (int start = 0; start < rows.Length; start += inner)
                {
                    Span<float> row = rows.AsSpan(start, inner);
                    float max = TensorPrimitives.Max(row);
                    if (float.IsNegativeInfinity(max)) max = 0f;
                    TensorPrimitives.Subtract(row, max, row);
                    if (log)
                    {
                        float logSum = MathF.Log(SumExp(row));
                        TensorPrimitives.Subtract(row, logSum, row);
                    }
                    else
                    {
                        TensorPrimitives.Exp(row, row);
                        TensorPrimitives.Divide(row, TensorPrimitives.Sum(row), row);
                    }
                }
            }
            Tensor result = FromContiguous(rows, moved.Sizes);
            return Sizes.Length == 0 ? result : result.movedim(-1, d).contiguous();
        }

        private static float SumExp(ReadOnlySpan<float> row)
        {
            float total = 0f;
            foreach (float v in row) total += MathF.Exp(v);
            return total;
        }

        /// <summary>exp(x) / sum(exp(x)) along <paramref name="dim"/>, numerically stable.</summary>
        public Tensor softmax(long dim)
        {
            int d = NormalizeDim(dim, Sizes.Length);
            Tensor y = SoftmaxKernel(d, log: false);
            return FunctionBackward.Record("SoftmaxBackward0", y, [this], g => [y.mul(g.sub(g.mul(y).sum(d, keepdim: true)))]);
        }

        /// <summary>log(softmax(x)) along <paramref name="dim"/>, computed without the intermediate softmax.</summary>
        public Tensor log_softmax(long dim)
        {
            int d = NormalizeDim(dim, Sizes.Length);
            Tensor y = SoftmaxKernel(d, log: true);
            return FunctionBackward.Record("LogSoftmaxBackward0", y, [this], g => [g.sub(y.exp().mul(g.sum(d, keepdim: true)))]);
        }
    }

    /// <summary>Softmax along a dim.</summary>
    public static Tensor softmax(Tensor input, long dim) => input.softmax(dim);

    /// <summary>Log-softmax along a dim.</summary>
    public static Tensor log_softmax(Tensor input, long dim) => input.log_softmax(dim);
}
