using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>max(x, 0) as a module.</summary>
            public static ReLU ReLU(bool inplace = false) => new();

            /// <summary>tanh as a module.</summary>
            public static Tanh Tanh() => new();

            /// <summary>The logistic sigmoid as a module.</summary>
            public static Sigmoid Sigmoid() => new();

            /// <summary>softmax along <paramref name="dim"/> as a module.</summary>
            public static Softmax Softmax(long dim) => new(dim);

            /// <summary>log_softmax along <paramref name="dim"/> as a module.</summary>
            public static LogSoftmax LogSoftmax(long dim) => new(dim);

            /// <summary>Returns its input unchanged.</summary>
            public static Identity Identity() => new();
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.nn.ReLU.</summary>
    public sealed class ReLU() : torch.nn.Module<torch.Tensor, torch.Tensor>(nameof(ReLU))
    {
        /// <inheritdoc/>
        public override torch.Tensor forward(torch.Tensor input) => torch.nn.functional.relu(input);
    }

    /// <summary>torch.nn.Tanh.</summary>
    public sealed class Tanh() : torch.nn.Module<torch.Tensor, torch.Tensor>(nameof(Tanh))
    {
        /// <inheritdoc/>
        public override torch.Tensor forward(torch.Tensor input) => torch.nn.functional.tanh(input);
    }

    /// <summary>torch.nn.Sigmoid.</summary>
    public sealed class Sigmoid() : torch.nn.Module<torch.Tensor, torch.Tensor>(nameof(Sigmoid))
    {
        /// <inheritdoc/>
        public override torch.Tensor forward(torch.Tensor input) => torch.nn.functional.sigmoid(input);
    }

    /// <summary>torch.nn.Softmax(dim).</summary>
    public sealed class Softmax : torch.nn.Module<torch.Tensor, torch.Tensor>
    {
        internal Softmax(long dim) : base(nameof(Softmax)) => this.dim = dim;

        /// <summary>The dimension normalised over.</summary>
        public long dim { get; }

        /// <inheritdoc/>
        public override torch.Tensor forward(torch.Tensor input) => torch.nn.functional.softmax(input, dim);

        /// <inheritdoc/>
        public override string extra_repr() => $"dim={dim}";
    }

    /// <summary>torch.nn.LogSoftmax(dim).</summary>
    public sealed class LogSoftmax : torch.nn.Module<torch.Tensor, torch.Tensor>
    {
        internal LogSoftmax(long dim) : base(nameof(LogSoftmax)) => this.dim = dim;

        /// <summary>The dimension normalised over.</summary>
        public long dim { get; }

        /// <inheritdoc/>
        public override torch.Tensor forward(torch.Tensor input) => torch.nn.functional.log_softmax(input, dim);

        /// <inheritdoc/>
        public override string extra_repr() => $"dim={dim}";
    }

    /// <summary>torch.nn.Identity.</summary>
    public sealed class Identity() : torch.nn.Module<torch.Tensor, torch.Tensor>(nameof(Identity))
    {
        /// <inheritdoc/>
        public override torch.Tensor forward(torch.Tensor input) => input;
    }
}
