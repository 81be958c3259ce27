using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>One GRU step (gates r, z, n).</summary>
            public static GRUCell GRUCell(long inputSize, long hiddenSize, bool bias = true, Device? device = null, ScalarType? dtype = null)
            {
                device?.EnsureCpu();
                return new GRUCell(inputSize, hiddenSize, bias);
            }
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.nn.GRUCell: forward(input, h0 = null) returns h'.</summary>
    public sealed class GRUCell : torch.nn.Module<torch.Tensor, torch.Tensor?, torch.Tensor>
    {
        private readonly RecurrentCell _cell;

        internal GRUCell(long inputSize, long hiddenSize, bool bias) : base(nameof(GRUCell))
        {
            _cell = new RecurrentCell(this, nameof(GRUCell), new RecurrentSpec(RecurrentMode.Gru, checked((int)inputSize), checked((int)hiddenSize), 1, false, bias));
        }

        /// <summary>The (3*hidden, input) input weight.</summary>
        public torch.Tensor weight_ih => _cell.WeightIh;
        /// <summary>The (3*hidden, hidden) hidden weight.</summary>
        public torch.Tensor weight_hh => _cell.WeightHh;
        /// <summary>The input bias, or null.</summary>
        public torch.Tensor? bias_ih => _cell.BiasIh;
        /// <summary>The hidden bias, or null.</summary>
        public torch.Tensor? bias_hh => _cell.BiasHh;

        /// <summary>One step; <paramref name="h0"/> null means zeros.</summary>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor? h0 = null) => _cell.Forward(input, h0, null).h;

        /// <summary>Same as forward.</summary>
        public new torch.Tensor call(torch.Tensor input, torch.Tensor? h0 = null) => forward(input, h0);

        /// <inheritdoc/>
        public override string extra_repr() => _cell.ExtraRepr();
    }
}
