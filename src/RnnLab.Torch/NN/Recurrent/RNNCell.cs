using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>One Elman RNN step: h' = act(W_ih x + b_ih + W_hh h + b_hh).</summary>
            public static RNNCell RNNCell(long inputSize, long hiddenSize, NonLinearities nonLinearity = NonLinearities.Tanh, bool bias = true,
                Device? device = null, ScalarType? dtype = null)
            {
                device?.EnsureCpu();
                return new RNNCell(inputSize, hiddenSize, nonLinearity, bias);
            }
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.nn.RNNCell: forward(input (batch, input) or (input), h0 = null) returns h'.</summary>
    public sealed class RNNCell : torch.nn.Module<torch.Tensor, torch.Tensor?, torch.Tensor>
    {
        private readonly RecurrentCell _cell;

        internal RNNCell(long inputSize, long hiddenSize, torch.nn.NonLinearities nonLinearity, bool bias) : base(nameof(RNNCell))
        {
            RecurrentMode mode = nonLinearity == torch.nn.NonLinearities.ReLU ? RecurrentMode.RnnRelu : RecurrentMode.RnnTanh;
            _cell = new RecurrentCell(this, nameof(RNNCell), new RecurrentSpec(mode, checked((int)inputSize), checked((int)hiddenSize), 1, false, bias));
        }

        /// <summary>The (hidden, input) input weight.</summary>
        public torch.Tensor weight_ih => _cell.WeightIh;
        /// <summary>The (hidden, hidden) hidden weight.</summary>
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
