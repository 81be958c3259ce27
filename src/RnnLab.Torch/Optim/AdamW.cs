using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>
            /// AdamW: Adam with decoupled weight decay (p *= 1 - lr wd before the Adam step). The default
            /// weight_decay is 0 as in TorchSharp's factory (PyTorch's is 0.01): pass it explicitly.
            /// </summary>
            public static AdamW AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
                double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(SingleGroup(parameters), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            /// <summary>AdamW over parameter groups with their own learning rates.</summary>
            public static AdamW AdamW(IEnumerable<ParamGroup> groups, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
                double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(groups, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.optim.AdamW (PyTorch 1.13's update).</summary>
    public sealed class AdamW : Adam
    {
        internal AdamW(IEnumerable<torch.optim.ParamGroup> groups, double lr, double beta1, double beta2, double eps, double weightDecay, bool amsgrad, bool maximize)
            : base(groups, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, decoupledWeightDecay: true) { }
    }
}
