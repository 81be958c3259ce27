using RnnLab.Torch.Autograd;

namespace RnnLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Inverted dropout: in training, zeroes each element with probability <paramref name="p"/> and scales
            /// the rest by 1/(1-p); otherwise returns the input. The mask comes from torch's generator (the
            /// same seed gives the same mask here, but not PyTorch's mask: its Bernoulli sampler differs).
            /// </summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
            {
                if (p < 0 || p > 1) throw new ArgumentException($"dropout probability has to be between 0 and 1, but got {p}");
                if (!training || p == 0) return input;
                float[] mask = DropoutMask.Create((int)input.numel(), p);
                float[] y = input.ToFloatArray();
                System.Numerics.Tensors.TensorPrimitives.Multiply(y, mask, y);
                Tensor result = Tensor.FromContiguous(y, input.shape);
                if (Node.ShouldRecord(input)) new DropoutBackward(mask).Record([input], [result]);
                return result;
            }
        }
    }
}

/// <summary>The gradient passes through the same scaled mask.</summary>
internal sealed class DropoutBackward(float[] mask) : Node
{
    public override string name() => "MulBackward0";

    protected override torch.Tensor?[] Backward(torch.Tensor?[] gradOutputs)
    {
        float[] d = gradOutputs[0]!.ToFloatArray();
        System.Numerics.Tensors.TensorPrimitives.Multiply(d, mask, d);
        return [torch.Tensor.FromContiguous(d, gradOutputs[0]!.shape)];
    }
}
