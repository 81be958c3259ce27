using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Negative log likelihood of log-probabilities (e.g. from LogSoftmax) at int64 class indices.</summary>
            public static NLLLoss NLLLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignore_index = -100) =>
                new(weight, reduction, ignore_index);

            public static partial class functional
            {
                /// <summary>-input[n, target[n]] (times the class weight), reduced; targets equal to <paramref name="ignore_index"/> are skipped.</summary>
                public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignore_index = -100) =>
                    ClassIndexLoss.Compute("nll_loss", input, target, weight, ignore_index, reduction, fromLogits: false);
            }
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.nn.NLLLoss.</summary>
    public sealed class NLLLoss : Loss
    {
        internal NLLLoss(torch.Tensor? weight, torch.nn.Reduction reduction, long ignoreIndex) : base(nameof(NLLLoss), reduction)
        {
            this.weight = weight;
            ignore_index = ignoreIndex;
        }

        /// <summary>Per-class weights, or null.</summary>
        public torch.Tensor? weight { get; }
        /// <summary>Targets with this value are skipped.</summary>
        public long ignore_index { get; }

        /// <inheritdoc/>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) =>
            torch.nn.functional.nll_loss(input, target, weight, reduction, ignore_index);
    }
}
