using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Sigmoid + binary cross-entropy in one stable step.</summary>
            public static BCEWithLogitsLoss BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) =>
                new(weight, reduction, pos_weights);

            public static partial class functional
            {
                /// <summary>
                /// -w [p y log s(x) + (1 - y) log(1 - s(x))] with s the sigmoid, computed as PyTorch does:
                /// (1 - y) x + (1 + (p - 1) y) (log(1 + exp(-|x|)) + max(-x, 0)). <paramref name="weight"/> and
                /// <paramref name="pos_weights"/> broadcast over the last dim (per class) or match the input.
                /// </summary>
                public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null,
                    Reduction reduction = Reduction.Mean, Tensor? pos_weights = null)
                {
                    ElementwiseLoss.CheckSameShape("binary_cross_entropy_with_logits", input, target);
                    ReadOnlySpan<float> x = LocalTensorOps.Read(input), y = LocalTensorOps.Read(target);
                    float[]? w = weight is null ? null : Broadcast(weight, input, "weight");
                    float[]? p = pos_weights is null ? null : Broadcast(pos_weights, input, "pos_weight");
                    var losses = new float[x.Length];
                    var derivatives = new float[x.Length];
                    for (int i = 0; i < x.Length; i++)
                    {
                        float logWeight = p is null ? 1f : 1f + (p[i] - 1f) * y[i];
                        float softplusNegX = MathF.Log(1f + MathF.Exp(-MathF.Abs(x[i]))) + MathF.Max(-x[i], 0f);
                        float loss = (1f - y[i]) * x[i] + logWeight * softplusNegX;
                        float sigmoid = 1f / (1f + MathF.Exp(-x[i]));
                        // d/dx: (1 - y) - logWeight * (1 - s(x))
                        float derivative = (1f - y[i]) - logWeight * (1f - sigmoid);
                        float scale = w is null ? 1f : w[i];
                        losses[i] = loss * scale;
                        derivatives[i] = derivative * scale;
                    }
                    return ElementwiseLoss.Reduce("BinaryCrossEntropyWithLogitsBackward0", input, losses, derivatives, reduction);
                }

                private static float[] Broadcast(Tensor values, Tensor input, string what)
                {
                    float[] data = values.ToFloatArray();
                    long n = input.numel();
                    if (data.Length == n) return data;
                    long last = input.dim() == 0 ? 1 : input.Sizes[^1];
                    if (data.Length != last && data.Length != 1)
                        throw new ArgumentException($"binary_cross_entropy_with_logits: {what} of shape {Tensor.ShapeString(values.shape)} does not broadcast to input shape {Tensor.ShapeString(input.shape)}");
                    var result = new float[n];
                    for (long i = 0; i < n; i++) result[i] = data.Length == 1 ? data[0] : data[i % last];
                    return result;
                }
            }
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.nn.BCEWithLogitsLoss.</summary>
    public sealed class BCEWithLogitsLoss : Loss
    {
        internal BCEWithLogitsLoss(torch.Tensor? weight, torch.nn.Reduction reduction, torch.Tensor? posWeights) : base(nameof(BCEWithLogitsLoss), reduction)
        {
            this.weight = weight;
            pos_weights = posWeights;
        }

        /// <summary>Per-element (or per-class) rescaling, or null.</summary>
        public torch.Tensor? weight { get; }
        /// <summary>Weight of positive examples per class, or null.</summary>
        public torch.Tensor? pos_weights { get; }

        /// <inheritdoc/>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) =>
            torch.nn.functional.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weights);
    }
}
