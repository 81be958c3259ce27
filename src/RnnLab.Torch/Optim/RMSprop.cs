using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>RMSprop (PyTorch 1.13's update). TorchSharp spells the factory RMSProp; both names work.</summary>
            public static RMSprop RMSProp(IEnumerable<Tensor> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8,
                double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
                new(SingleGroup(parameters), lr, alpha, eps, weight_decay, momentum, centered, maximize);

            /// <summary>Same as <see cref="RMSProp"/>, PyTorch's spelling.</summary>
            public static RMSprop RMSprop(IEnumerable<Tensor> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8,
                double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
                RMSProp(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>
    /// torch.optim.RMSprop: g += wd p; sq = alpha sq + (1-alpha) g g; avg = sqrt(sq [- ga^2 if centered]) + eps;
    /// with momentum buf = momentum buf + g / avg, p -= lr buf; else p -= lr g / avg.
    /// </summary>
    public sealed class RMSprop : torch.optim.Optimizer
    {
        private readonly float _alpha, _oneMinusAlpha, _eps, _weightDecay, _momentum;
        private readonly bool _centered, _maximize;

        internal RMSprop(IEnumerable<torch.optim.ParamGroup> groups, double lr, double alpha, double eps, double weightDecay, double momentum, bool centered, bool maximize)
            : base(groups, lr)
        {
            if (alpha < 0) throw new ArgumentException($"Invalid alpha value: {alpha}");
            if (eps < 0) throw new ArgumentException($"Invalid epsilon value: {eps}");
            if (momentum < 0) throw new ArgumentException($"Invalid momentum value: {momentum}");
            (_alpha, _eps, _weightDecay, _momentum, _centered, _maximize) = ((float)alpha, (float)eps, (float)weightDecay, (float)momentum, centered, maximize);
            _oneMinusAlpha = (float)(1 - alpha); // a Python (double) scalar in PyTorch, cast once
        }

        /// <inheritdoc/>
        protected override void Update(torch.optim.ParamGroup group, int index, Span<float> p, ReadOnlySpan<float> gradient)
        {
            float lr = (float)group.LearningRate!.Value;
            float[] squareAvg = State(group, index, "square_avg", p.Length);
            float[]? gradAvg = _centered ? State(group, index, "grad_avg", p.Length) : null;
            float[]? buffer = _momentum > 0 ? State(group, index, "momentum_buffer", p.Length) : null;
            for (int i = 0; i < p.Length; i++)
            {
                float g = _maximize ? -gradient[i] : gradient[i];
                if (_weightDecay != 0) g = MathF.FusedMultiplyAdd(p[i], _weightDecay, g);
                squareAvg[i] = squareAvg[i] * _alpha + _oneMinusAlpha * g * g;
                float avg;
                if (gradAvg is not null)
                {
                    gradAvg[i] = MathF.FusedMultiplyAdd(g, _oneMinusAlpha, gradAvg[i] * _alpha);
                    avg = MathF.Sqrt(squareAvg[i] + -1f * gradAvg[i] * gradAvg[i]);
                }
                else avg = MathF.Sqrt(squareAvg[i]);
                avg += _eps;
                if (buffer is not null)
                {
                    buffer[i] = buffer[i] * _momentum + g / avg;
                    p[i] = MathF.FusedMultiplyAdd(buffer[i], -lr, p[i]);
                }
                else p[i] += -lr * g / avg;
            }
        }
    }
}
