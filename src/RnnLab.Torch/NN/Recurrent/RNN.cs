using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>
            /// A multi-layer Elman RNN, h_t = act(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh), fused over the whole
            /// sequence. Input (seq, batch, input) or (batch, seq, input) with batchFirst, or unbatched (seq, input).
            /// </summary>
            public static RNN RNN(long inputSize, long hiddenSize, long numLayers = 1, NonLinearities nonLinearity = NonLinearities.Tanh,
                bool bias = true, bool batchFirst = false, double dropout = 0.0, bool bidirectional = false, Device? device = null, ScalarType? dtype = null)
            {
                device?.EnsureCpu();
                return new RNN(inputSize, hiddenSize, numLayers, nonLinearity, bias, batchFirst, dropout, bidirectional);
            }
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>torch.nn.RNN: forward(input, h0) returns (output, h_n); parameters weight_ih_l{k}[_reverse], weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k}.</summary>
    public sealed class RNN : torch.nn.Module<torch.Tensor, torch.Tensor?, (torch.Tensor, torch.Tensor)>
    {
        private readonly RecurrentStack _stack;

        internal RNN(long inputSize, long hiddenSize, long numLayers, torch.nn.NonLinearities nonLinearity, bool bias, bool batchFirst, double dropout, bool bidirectional)
            : base(nameof(RNN))
        {
            RecurrentMode mode = nonLinearity == torch.nn.NonLinearities.ReLU ? RecurrentMode.RnnRelu : RecurrentMode.RnnTanh;
            _stack = new RecurrentStack(this, nameof(RNN), new RecurrentSpec(mode, checked((int)inputSize), checked((int)hiddenSize), checked((int)numLayers), bidirectional, bias), batchFirst, dropout);
        }

        /// <summary>Runs the whole sequence. <paramref name="h0"/>: (num_layers * num_directions, batch, hidden), or null for zeros.</summary>
        public override (torch.Tensor, torch.Tensor) forward(torch.Tensor input, torch.Tensor? h0)
        {
            var (output, hN, _) = _stack.Forward(input, h0, null, training);
            return (output, hN);
        }

        /// <summary>Same as forward, with h0 optional.</summary>
        public new (torch.Tensor, torch.Tensor) call(torch.Tensor input, torch.Tensor? h0 = null) => forward(input, h0);

        /// <summary>Layer <paramref name="idx"/>'s forward-direction input weight.</summary>
        public torch.Tensor get_weight_ih(long idx) => Parameter("weight_ih", idx);

        /// <summary>Layer <paramref name="idx"/>'s forward-direction hidden weight.</summary>
        public torch.Tensor get_weight_hh(long idx) => Parameter("weight_hh", idx);

        /// <summary>Layer <paramref name="idx"/>'s forward-direction input bias, or null without biases.</summary>
        public torch.Tensor? get_bias_ih(long idx) => get_parameter($"bias_ih_l{idx}");

        /// <summary>Layer <paramref name="idx"/>'s forward-direction hidden bias, or null without biases.</summary>
        public torch.Tensor? get_bias_hh(long idx) => get_parameter($"bias_hh_l{idx}");

        private torch.Tensor Parameter(string kind, long idx) =>
            get_parameter($"{kind}_l{idx}") ?? throw new ArgumentOutOfRangeException(nameof(idx), $"RNN has {_stack.Spec.NumLayers} layer(s), asked for layer {idx}");

        /// <summary>No-op: parameters are always one contiguous block each here.</summary>
        public void flatten_parameters() { }

        /// <inheritdoc/>
        public override string extra_repr() => _stack.ExtraRepr();
    }
}
