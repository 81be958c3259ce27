using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>One LSTM step (gates i, f, g, o).</summary>
            public static LSTMCell LSTMCell(long inputSize, long hiddenSize, bool bias = true, Device? device = null, ScalarType? dtype = null)
            {
                device?.EnsureCpu();
                return new LSTMCell(inputSize, hiddenSize, bias);
            }
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.nn.LSTMCell: forward(input, (h0, c0)) returns (h', c'); forward has no default state, call does (as in TorchSharp).</summary>
    public sealed class LSTMCell : torch.nn.Module<torch.Tensor, (torch.Tensor, torch.Tensor)?, (torch.Tensor, torch.Tensor)>
    {
        private readonly RecurrentCell _cell;

        internal LSTMCell(long inputSize, long hiddenSize, bool bias) : base(nameof(LSTMCell))
        {
            _cell = new RecurrentCell(this, nameof(LSTMCell), new RecurrentSpec(RecurrentMode.Lstm, checked((int)inputSize), checked((int)hiddenSize), 1, false, bias));
        }

        /// <summary>The (4*hidden, input) input weight.</summary>
        public torch.Tensor weight_ih => _cell.WeightIh;
        /// <summary>The (4*hidden, hidden) hidden weight.</summary>
        public torch.Tensor weight_hh => _cell.WeightHh;
        /// <summary>The input bias, or null.</summary>
        public torch.Tensor? bias_ih => _cell.BiasIh;
        /// <summary>The hidden bias, or null.</summary>
        public torch.Tensor? bias_hh => _cell.BiasHh;

        /// <summary>One step; null state means zeros.</summary>
        public override (torch.Tensor, torch.Tensor) forward(torch.Tensor input, (torch.Tensor, torch.Tensor)? h0_c0)
        {
            var (h, c) = _cell.Forward(input, h0_c0?.Item1, h0_c0?.Item2);
            return (h, c!);
        }

        /// <summary>Same as forward, with the state optional.</summary>
        public new (torch.Tensor, torch.Tensor) call(torch.Tensor input, (torch.Tensor, torch.Tensor)? h0_c0 = null) => forward(input, h0_c0);

        /// <inheritdoc/>
        public override string extra_repr() => _cell.ExtraRepr();
    }
}
