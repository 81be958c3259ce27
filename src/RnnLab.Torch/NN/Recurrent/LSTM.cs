using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A multi-layer LSTM (gates i, f, g, o), fused over the whole sequence.</summary>
            public static LSTM LSTM(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false,
                double dropout = 0.0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null)
            {
                device?.EnsureCpu();
                return new LSTM(inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional);
            }
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>
    /// torch.nn.LSTM. As in TorchSharp, forward takes an optional (h0, c0) and returns the flat triple
    /// (output, h_n, c_n) where PyTorch returns (output, (h_n, c_n)).
    /// </summary>
    public sealed class LSTM : torch.nn.Module<torch.Tensor, (torch.Tensor, torch.Tensor)?, (torch.Tensor, torch.Tensor, torch.Tensor)>
    {
        private readonly RecurrentStack _stack;

        internal LSTM(long inputSize, long hiddenSize, long numLayers, bool bias, bool batchFirst, double dropout, bool bidirectional)
            : base(nameof(LSTM))
        {
            _stack = new RecurrentStack(this, nameof(LSTM), new RecurrentSpec(RecurrentMode.Lstm, checked((int)inputSize), checked((int)hiddenSize), checked((int)numLayers), bidirectional, bias), batchFirst, dropout);
        }

        /// <summary>Runs the whole sequence; <paramref name="h0_c0"/> are (num_layers * num_directions, batch, hidden) each, or null for zeros.</summary>
        public override (torch.Tensor, torch.Tensor, torch.Tensor) forward(torch.Tensor input, (torch.Tensor, torch.Tensor)? h0_c0 = null)
        {
            var (output, hN, cN) = _stack.Forward(input, h0_c0?.Item1, h0_c0?.Item2, training);
            return (output, hN, cN!);
        }

        /// <summary>Same as forward.</summary>
        public new (torch.Tensor, torch.Tensor, torch.Tensor) call(torch.Tensor input, (torch.Tensor, torch.Tensor)? h0_c0 = null) => forward(input, h0_c0);

        /// <summary>No-op: parameters are always one contiguous block each here.</summary>
        public void flatten_parameters() { }

        /// <inheritdoc/>
        public override string extra_repr() => _stack.ExtraRepr();
    }
}
