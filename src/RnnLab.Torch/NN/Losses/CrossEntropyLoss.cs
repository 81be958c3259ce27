using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>log_softmax + negative log likelihood over class-index targets (ignore_index defaults to -100, as in PyTorch).</summary>
            public static CrossEntropyLoss CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, Reduction reduction = Reduction.Mean) =>
                new(weight, ignore_index ?? -100, reduction);

            public static partial class functional
            {
                /// <summary>
                /// Cross-entropy of raw logits <paramref name="input"/> (N, C) / (C) / (N, C, d1, ...) against int64
                /// class indices, fused into one node. <paramref name="label_smoothing"/> other than 0 is not supported.
                /// </summary>
                public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                    Reduction reduction = Reduction.Mean, double label_smoothing = 0.0)
                {
                    if (label_smoothing != 0.0) throw new NotSupportedException("cross_entropy: label_smoothing is not supported by RnnLab.Torch");
                    return ClassIndexLoss.Compute("cross_entropy", input, target, weight, ignore_index, reduction, fromLogits: true);
                }
            }
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.nn.CrossEntropyLoss with class-index targets.</summary>
    public sealed class CrossEntropyLoss : Loss
    {
        internal CrossEntropyLoss(torch.Tensor? weight, long ignoreIndex, torch.nn.Reduction reduction) : base(nameof(CrossEntropyLoss), reduction)
        {
            this.weight = weight;
            ignore_index = ignoreIndex;
        }

        /// <summary>Per-class weights, or null.</summary>
        public torch.Tensor? weight { get; }
        /// <summary>Targets with this value add nothing to the loss or its mean's denominator.</summary>
        public long ignore_index { get; }

        /// <inheritdoc/>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) =>
            torch.nn.functional.cross_entropy(input, target, weight, ignore_index, reduction);
    }
}
