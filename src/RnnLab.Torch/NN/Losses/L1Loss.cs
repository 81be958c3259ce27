using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Mean absolute error.</summary>
            public static L1Loss L1Loss(Reduction reduction = Reduction.Mean) => new(reduction);

            public static partial class functional
            {
                /// <summary>|input - target|, reduced; the gradient at 0 is 0, as in PyTorch.</summary>
                public static Tensor l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
                {
                    ElementwiseLoss.CheckSameShape("l1_loss", input, target);
                    float[] diff = input.ToFloatArray();
                    System.Numerics.Tensors.TensorPrimitives.Subtract(diff, LocalTensorOps.Read(target), diff);
                    var losses = new float[diff.Length];
                    System.Numerics.Tensors.TensorPrimitives.Abs(diff, losses);
                    for (int i = 0; i < diff.Length; i++) diff[i] = MathF.Sign(diff[i]);
                    return ElementwiseLoss.Reduce("L1LossBackward0", input, losses, diff, reduction);
                }
            }
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.nn.L1Loss.</summary>
    public sealed class L1Loss : Loss
    {
        internal L1Loss(torch.nn.Reduction reduction) : base(nameof(L1Loss), reduction) { }

        /// <inheritdoc/>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) => torch.nn.functional.l1_loss(input, target, reduction);
    }
}
