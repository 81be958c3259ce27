namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>How a loss combines per-element losses, numbered as in TorchSharp.</summary>
            public enum Reduction : long { None = 0, Mean = 1, Sum = 2 }
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>Base of the loss modules: forward(input, target) with a fixed <see cref="reduction"/>.</summary>
    public abstract class Loss : torch.nn.Module<torch.Tensor, torch.Tensor, torch.Tensor>
    {
        /// <summary>Creates a loss module named <paramref name="name"/>.</summary>
        protected Loss(string name, torch.nn.Reduction reduction) : base(name) => this.reduction = reduction;

        /// <summary>none, mean or sum.</summary>
        public torch.nn.Reduction reduction { get; }
    }
}
