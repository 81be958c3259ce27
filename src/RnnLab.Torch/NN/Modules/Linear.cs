using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A fully connected layer y = x W^T + b, initialised as PyTorch does.</summary>
            public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null)
            {
                device?.EnsureCpu();
                return new Linear(inputSize, outputSize, hasBias);
            }

            /// <summary>A Linear layer around existing parameters (weight is (out, in)).</summary>
            public static Linear Linear(Tensor weight, Tensor? bias = null) => new(weight, bias);
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.nn.Linear: parameters "weight" (out_features, in_features) and "bias" (out_features).</summary>
    public sealed class Linear : torch.nn.Module<torch.Tensor, torch.Tensor>
    {
        internal Linear(long inputSize, long outputSize, bool hasBias) : base(nameof(Linear))
        {
            if (inputSize < 0 || outputSize < 0)
                throw new ArgumentException($"Linear: sizes must be non-negative, got in_features={inputSize}, out_features={outputSize}");
            in_features = inputSize;
            out_features = outputSize;
            weight = ParameterInit.Empty(outputSize, inputSize);
            bias = hasBias ? ParameterInit.Empty(outputSize) : null;
            register_parameter(nameof(weight), weight);
            register_parameter(nameof(bias), bias);
            reset_parameters();
        }

        internal Linear(torch.Tensor weight, torch.Tensor? bias) : base(nameof(Linear))
        {
            if (weight.dim() != 2) throw new ArgumentException($"Linear: weight must be 2-D, got {torch.Tensor.ShapeString(weight.shape)}");
            out_features = weight.Sizes[0];
            in_features = weight.Sizes[1];
            this.weight = weight;
            this.bias = bias;
            register_parameter(nameof(weight), weight);
            register_parameter(nameof(bias), bias);
        }

        /// <summary>Number of input features.</summary>
        public long in_features { get; }

        /// <summary>Number of output features.</summary>
        public long out_features { get; }

        /// <summary>The (out_features, in_features) weight.</summary>
        public torch.Tensor weight { get; }

        /// <summary>The bias, or null when built with hasBias: false.</summary>
        public torch.Tensor? bias { get; }

        /// <summary>Re-draws the parameters as PyTorch's reset_parameters does.</summary>
        public void reset_parameters() => ParameterInit.Linear(weight, bias);

        /// <inheritdoc/>
        public override torch.Tensor forward(torch.Tensor input) => torch.nn.functional.linear(input, weight, bias);

        /// <inheritdoc/>
        public override string extra_repr() => $"in_features={in_features}, out_features={out_features}, bias={(bias is not null ? "True" : "False")}";
    }
}
