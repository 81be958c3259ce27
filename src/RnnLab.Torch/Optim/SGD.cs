using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Stochastic gradient descent with optional momentum, dampening, Nesterov and weight decay (PyTorch 1.13's update).</summary>
            public static SGD SGD(IEnumerable<Tensor> parameters, double learningRate, double momentum = 0, double dampening = 0,
                double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new(SingleGroup(parameters), learningRate, momentum, dampening, weight_decay, nesterov, maximize);

            /// <summary>SGD over parameter groups with their own learning rates.</summary>
            public static SGD SGD(IEnumerable<ParamGroup> groups, double learningRate, double momentum = 0, double dampening = 0,
                double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new(groups, learningRate, momentum, dampening, weight_decay, nesterov, maximize);
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>
    /// torch.optim.SGD: g += wd p; buf = g on the first step, else momentum buf + (1 - dampening) g;
    /// g = nesterov ? g + momentum buf : buf; p -= lr g.
    /// </summary>
    public sealed class SGD : torch.optim.Optimizer
    {
        private readonly float _momentum, _oneMinusDampening, _weightDecay;
        private readonly bool _nesterov, _maximize;

        internal SGD(IEnumerable<torch.optim.ParamGroup> groups, double lr, double momentum, double dampening, double weightDecay, bool nesterov, bool maximize)
            : base(groups, lr)
        {
            if (momentum < 0) throw new ArgumentException($"Invalid momentum value: {momentum}");
            if (weightDecay < 0) throw new ArgumentException($"Invalid weight_decay value: {weightDecay}");
            if (nesterov && (momentum <= 0 || dampening != 0)) throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
            (_momentum, _oneMinusDampening, _weightDecay, _nesterov, _maximize) = ((float)momentum, (float)(1 - dampening), (float)weightDecay, nesterov, maximize);
        }

        /// <inheritdoc/>
        protected override void Update(torch.optim.ParamGroup group, int index, Span<float> p, ReadOnlySpan<float> gradient)
        {
            float lr = (float)group.LearningRate!.Value;
            bool firstStep = !HasState(group, index, "momentum_buffer");
            float[]? buffer = _momentum != 0 ? State(group, index, "momentum_buffer", p.Length) : null;
            for (int i = 0; i < p.Length; i++)
            {
                float g = _maximize ? -gradient[i] : gradient[i];
                if (_weightDecay != 0) g = MathF.FusedMultiplyAdd(p[i], _weightDecay, g);
                if (buffer is not null)
                {
                    buffer[i] = firstStep ? g : MathF.FusedMultiplyAdd(g, _oneMinusDampening, buffer[i] * _momentum);
                    g = _nesterov ? MathF.FusedMultiplyAdd(buffer[i], _momentum, g) : buffer[i];
                }
                p[i] = MathF.FusedMultiplyAdd(g, -lr, p[i]);
            }
        }
    }
}
