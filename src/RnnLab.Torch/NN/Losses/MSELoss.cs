using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Mean squared error.</summary>
            public static MSELoss MSELoss(Reduction reduction = Reduction.Mean) => new(reduction);

            public static partial class functional
            {
                /// <summary>(input - target)^2, reduced. Input and target must have the same shape (PyTorch would broadcast with a warning).</summary>
                public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
                {
                    ElementwiseLoss.CheckSameShape("mse_loss", input, target);
                    float[] diff = input.ToFloatArray();
                    System.Numerics.Tensors.TensorPrimitives.Subtract(diff, LocalTensorOps.Read(target), diff);
                    var losses = new float[diff.Length];
                    System.Numerics.Tensors.TensorPrimitives.Multiply(diff, diff, losses);
                    System.Numerics.Tensors.TensorPrimitives.Multiply(diff, 2f, diff);
                    return ElementwiseLoss.Reduce("MseLossBackward0", input, losses, diff, reduction);
                }
            }
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.nn.MSELoss.</summary>
    public sealed class MSELoss : Loss
    {
        internal MSELoss(torch.nn.Reduction reduction) : base(nameof(MSELoss), reduction) { }

        /// <inheritdoc/>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) => torch.nn.functional.mse_loss(input, target, reduction);
    }
}
