using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A multi-layer GRU (gates r, z, n with n = tanh(W_in x + b_in + r * (W_hn h + b_hn))), fused over the whole sequence.</summary>
            public static GRU GRU(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false,
                double dropout = 0.0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null)
            {
                device?.EnsureCpu();
                return new GRU(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional);
            }
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.nn.GRU: forward(input, h0 = null) returns (output, h_n).</summary>
    public sealed class GRU : torch.nn.Module<torch.Tensor, torch.Tensor?, (torch.Tensor, torch.Tensor)>
    {
        private readonly RecurrentStack _stack;

        internal GRU(long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst, double dropout, bool bidirectional)
            : base(nameof(GRU))
        {
            _stack = new RecurrentStack(this, nameof(GRU), new RecurrentSpec(RecurrentMode.Gru, checked((int)inputSize), checked((int)hiddenSize), checked((int)numLayers), bidirectional, bias), batchFirst, dropout);
        }

        /// <summary>Runs the whole sequence; <paramref name="h0"/> is (num_layers * num_directions, batch, hidden) or null for zeros.</summary>
        public override (torch.Tensor, torch.Tensor) forward(torch.Tensor input, torch.Tensor? h0 = null)
        {
            var (output, hN, _) = _stack.Forward(input, h0, null, training);
            return (output, hN);
        }

        /// <summary>Same as forward.</summary>
        public new (torch.Tensor, torch.Tensor) call(torch.Tensor input, torch.Tensor? h0 = null) => forward(input, h0);

        /// <summary>No-op: parameters are always one contiguous block each here.</summary>
        public void flatten_parameters() { }

        /// <inheritdoc/>
        public override string extra_repr() => _stack.ExtraRepr();
    }
}
