using RnnLab.Torch.Autograd;

namespace RnnLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>max(x, 0) elementwise. <paramref name="inplace"/> is accepted for TorchSharp's signature; a new tensor is always returned.</summary>
            public static Tensor relu(Tensor x, bool inplace = false) =>
                ActivationKernels.Pointwise(x, ActivationKind.ReLU);

            /// <summary>tanh(x) elementwise; <paramref name="inplace"/> as in <see cref="relu"/>.</summary>
            public static Tensor tanh(Tensor x, bool inplace = false) =>
                ActivationKernels.Pointwise(x, ActivationKind.Tanh);

            /// <summary>1 / (1 + exp(-x)) elementwise.</summary>
            public static Tensor sigmoid(Tensor x) => ActivationKernels.Pointwise(x, ActivationKind.Sigmoid);

            /// <summary>exp(x) / sum(exp(x)) along <paramref name="dim"/>.</summary>
            public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) =>
                ActivationKernels.Softmax(input, dim, log: false);

            /// <summary>log(softmax(x)) along <paramref name="dim"/>, computed stably.</summary>
            public static Tensor log_softmax(Tensor x, long dim, ScalarType? dtype = null) =>
                ActivationKernels.Softmax(x, dim, log: true);
        }
    }
}

internal enum ActivationKind { ReLU, Tanh, Sigmoid }

/// <summary>The activation kernels: one pass forward, one graph node each.</summary>
internal static class ActivationKernels
{
    public static torch.Tensor Pointwise(torch.Tensor x, ActivationKind kind)
    {
        float[] y = x.ToFloatArray();
        switch (kind)
        {
            case ActivationKind.ReLU: System.Numerics.Tensors.TensorPrimitives.Max(y, 0f, y); break;
            case ActivationKind.Tanh: System.Numerics.Tensors.TensorPrimitives.Tanh(y, y); break;
            case ActivationKind.Sigmoid: System.Numerics.Tensors.TensorPrimitives.Sigmoid(y, y); break;
        }
        var result = torch.Tensor.FromContiguous(y, x.shape);
        if (Node.ShouldRecord(x)) new PointwiseActivationBackward(kind, y).Record([x], [result]);
        return result;
    }

    public static torch.Tensor Softmax(torch.Tensor x, long dim, bool log)
    {
        int d = torch.Tensor.NormalizeDim(dim, x.Sizes.Length);
        long[] shape = x.shape;
        var (outer, size, inner) = x.dim() == 0 ? (1L, 1L, 1L) : LocalTensorOps.Split(shape, d);
        float[] y = x.ToFloatArray();
        for (long o = 0; o < outer; o++)
            for (long i = 0; i < inner; i++)
            {
                long start = o * size * inner + i;
                float max = float.NegativeInfinity;
                for (long k = 0; k < size; k++) max = Math.Max(max, y[start + k * inner]);
                double sum = 0;
                for (long k = 0; k < size; k++) sum += Math.Exp(y[start + k * inner] - max);
                float logSum = (float)Math.Log(sum);
                for (long k = 0; k < size; k++)
                {
                    long at = start + k * inner;
                    y[at] = log ? y[at] - max - logSum : (float)(Math.Exp(y[at] - max) / sum);
                }
            }
        var result = torch.Tensor.FromContiguous(y, shape);
        if (Node.ShouldRecord(x)) new SoftmaxBackward(y, shape, outer, size, inner, log).Record([x], [result]);
        return result;
    }
}

/// <summary>Gradient of relu/tanh/sigmoid from the saved output.</summary>
internal sealed class PointwiseActivationBackward(ActivationKind kind, float[] output) : Node
{
    public override string name() => kind switch
    {
        ActivationKind.ReLU => "ReluBackward0",
        ActivationKind.Tanh => "TanhBackward0",
        _ => "SigmoidBackward0",
    };

    protected override torch.Tensor?[] Backward(torch.Tensor?[] gradOutputs)
    {
        torch.Tensor g = gradOutputs[0]!;
        float[] d = g.ToFloatArray();
        for (int i = 0; i < d.Length; i++)
        {
            float y = output[i];
            d[i] *= kind switch
            {
                ActivationKind.ReLU => y > 0f ? 1f : 0f,
                ActivationKind.Tanh => 1f - y * y,
                _ => y * (1f - y),
            };
        }
        return [torch.Tensor.FromContiguous(d, g.shape)];
    }
}

/// <summary>softmax: dx = y (dy - sum(dy y)); log_softmax: dx = dy - softmax * sum(dy).</summary>
internal sealed class SoftmaxBackward(float[] output, long[] shape, long outer, long size, long inner, bool log) : Node
{
    public override string name() => log ? "LogSoftmaxBackward0" : "SoftmaxBackward0";

    protected override torch.Tensor?[] Backward(torch.Tensor?[] gradOutputs)
    {
        float[] d = gradOutputs[0]!.ToFloatArray();
        for (long o = 0; o < outer; o++)
            for (long i = 0; i < inner; i++)
            {
                long start = o * size * inner + i;
                double sum = 0;
                for (long k = 0; k < size; k++)
                {
                    long at = start + k * inner;
                    sum += log ? d[at] : (double)d[at] * output[at];
                }
                for (long k = 0; k < size; k++)
                {
                    long at = start + k * inner;
                    d[at] = log ? (float)(d[at] - Math.Exp(output[at]) * sum) : (float)(output[at] * (d[at] - sum));
                }
            }
        return [torch.Tensor.FromContiguous(d, shape)];
    }
}
