using RnnLab.Torch.Autograd;
using RnnLab.Torch.Kernels;

namespace RnnLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// y = x W^T + b over the last dim of <paramref name="input"/> (any leading dims), as one Gemm and
            /// one graph node. <paramref name="weights"/> is (out_features, in_features).
            /// </summary>
            public static Tensor linear(Tensor input, Tensor weights, Tensor? bias = null)
            {
                if (weights.dim() != 2) throw new ArgumentException($"linear: weight must be 2-D, got {Tensor.ShapeString(weights.shape)}");
                long outFeatures = weights.Sizes[0], inFeatures = weights.Sizes[1];
                if (input.dim() == 0 || input.Sizes[^1] != inFeatures)
                {
                    long rows = input.dim() == 0 ? 1 : input.numel() / Math.Max(input.Sizes[^1], 1);
                    throw new ArgumentException(
                        $"mat1 and mat2 shapes cannot be multiplied ({rows}x{(input.dim() == 0 ? 1 : input.Sizes[^1])} and {inFeatures}x{outFeatures})");
                }
                if (bias is not null && (bias.dim() != 1 || bias.Sizes[0] != outFeatures))
                    throw new ArgumentException($"linear: bias must have shape [{outFeatures}], got {Tensor.ShapeString(bias.shape)}");
                int n = (int)(input.numel() / inFeatures), inF = (int)inFeatures, outF = (int)outFeatures;
                ReadOnlySpan<float> x = LocalTensorOps.Read(input), w = LocalTensorOps.Read(weights);
                var y = new float[(long)n * outF];
                // W is stored (out, in): multiplying by its transposed copy keeps every Gemm row-major.
                float[] wT = MatrixLayout.Transpose(w, outF, inF);
                Gemm.Sgemm(false, false, n, outF, inF, 1f, x, inF, wT, outF, 0f, y, outF);
                if (bias is not null) MatrixLayout.AddRowVector(y, LocalTensorOps.Read(bias), n);
                long[] shape = input.shape;
                shape[^1] = outFeatures;
                Tensor result = Tensor.FromContiguous(y, shape);
                if (Node.ShouldRecord(input, weights, bias))
                    new LinearBackward(input, weights, bias is not null).Record([input, weights, bias], [result]);
                return result;
            }
        }
    }
}

/// <summary>Gradients of y = x W^T + b: dx = dy W, dW = dy^T x, db = column sums of dy.</summary>
internal sealed class LinearBackward(torch.Tensor input, torch.Tensor weights, bool hasBias) : Node
{
    private torch.Tensor? _input = input, _weights = weights;

    public override string name() => "AddmmBackward0";

    protected override torch.Tensor?[] Backward(torch.Tensor?[] gradOutputs)
    {
        torch.Tensor input = _input!, weights = _weights!;
        int outF = (int)weights.Sizes[0], inF = (int)weights.Sizes[1];
        int n = (int)(input.numel() / inF);
        ReadOnlySpan<float> dy = LocalTensorOps.Read(gradOutputs[0]!);
        torch.Tensor? dx = null, dw = null, db = null;
        if (input.requires_grad)
        {
            var d = new float[(long)n * inF];
            Gemm.Sgemm(false, false, n, inF, outF, 1f, dy, outF, LocalTensorOps.Read(weights), inF, 0f, d, inF);
            dx = torch.Tensor.FromContiguous(d, input.shape);
        }
        if (weights.requires_grad)
        {
            var d = new float[(long)outF * inF];
            Gemm.Sgemm(true, false, outF, inF, n, 1f, dy, outF, LocalTensorOps.Read(input), inF, 0f, d, inF);
            dw = torch.Tensor.FromContiguous(d, weights.shape);
        }
        if (hasBias)
        {
            var d = new float[outF];
            MatrixLayout.SumRows(dy, n, outF, d);
            db = torch.Tensor.FromContiguous(d, [outF]);
        }
        return [dx, dw, db];
    }

    protected override void ReleaseSavedTensors() => (_input, _weights) = (null, null);
}
