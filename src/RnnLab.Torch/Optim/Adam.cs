using RnnLab.Torch.Modules;

namespace RnnLab.Torch
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Adam (PyTorch 1.13's update, including the order of its bias corrections).</summary>
            public static Adam Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
                double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(SingleGroup(parameters), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize, decoupledWeightDecay: false);

            /// <summary>Adam over parameter groups with their own learning rates.</summary>
            public static Adam Adam(IEnumerable<ParamGroup> groups, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
                double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(groups, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize, decoupledWeightDecay: false);
        }
    }
}

namespace RnnLab.Torch.Modules
{
    /// <summary>
    /// torch.optim.Adam (and, with decoupled weight decay, AdamW). Per step t, in float32 except the
    /// double-precision scalars, exactly in PyTorch 1.13's order:
    /// m = b1 m + (1-b1) g; v = b2 v + (1-b2) g g; step_size = lr / (1 - b1^t);
    /// denom = sqrt(v) / sqrt(1 - b2^t) + eps; p -= step_size m / denom.
    /// Adam adds wd p to g first; AdamW multiplies p by (1 - lr wd) first.
    /// </summary>
    public class Adam : torch.optim.Optimizer
    {
        private readonly double _beta1, _beta2, _eps, _weightDecay;
        private readonly bool _amsgrad, _maximize, _decoupled;

        internal Adam(IEnumerable<torch.optim.ParamGroup> groups, double lr, double beta1, double beta2, double eps, double weightDecay,
            bool amsgrad, bool maximize, bool decoupledWeightDecay) : base(groups, lr)
        {
            if (eps < 0) throw new ArgumentException($"Invalid epsilon value: {eps}");
            if (beta1 < 0 || beta1 >= 1) throw new ArgumentException($"Invalid beta parameter at index 0: {beta1}");
            if (beta2 < 0 || beta2 >= 1) throw new ArgumentException($"Invalid beta parameter at index 1: {beta2}");
            if (weightDecay < 0) throw new ArgumentException($"Invalid weight_decay value: {weightDecay}");
            (_beta1, _beta2, _eps, _weightDecay, _amsgrad, _maximize, _decoupled) = (beta1, beta2, eps, weightDecay, amsgrad, maximize, decoupledWeightDecay);
        }

        /// <inheritdoc/>
        protected override void Update(torch.optim.ParamGroup group, int index, Span<float> p, ReadOnlySpan<float> gradient)
        {
            double lr = group.LearningRate!.Value;
            long step = group.Steps[index] = group.Steps.GetValueOrDefault(index) + 1;
            float[] expAvg = State(group, index, "exp_avg", p.Length);
            float[] expAvgSq = State(group, index, "exp_avg_sq", p.Length);
            float[]? maxExpAvgSq = _amsgrad ? State(group, index, "max_exp_avg_sq", p.Length) : null;
            // Python-float (double) scalars, cast to float where the tensor kernels consume them.
            double biasCorrection1 = 1 - Math.Pow(_beta1, step);
            double biasCorrection2 = 1 - Math.Pow(_beta2, step);
            float negativeStepSize = (float)-(lr / biasCorrection1);
            float biasCorrection2Sqrt = (float)Math.Sqrt(biasCorrection2);
            float beta1 = (float)_beta1, oneMinusBeta1 = (float)(1 - _beta1), beta2 = (float)_beta2, oneMinusBeta2 = (float)(1 - _beta2);
            float eps = (float)_eps, weightDecay = (float)_weightDecay, decay = (float)(1 - lr * _weightDecay);
            for (int i = 0; i < p.Length; i++)
            {
                float g = _maximize ? -gradient[i] : gradient[i];
                if (_decoupled) p[i] *= decay;
                else if (weightDecay != 0) g = MathF.FusedMultiplyAdd(p[i], weightDecay, g);
                expAvg[i] = MathF.FusedMultiplyAdd(g, oneMinusBeta1, expAvg[i] * beta1);
                expAvgSq[i] = expAvgSq[i] * beta2 + oneMinusBeta2 * g * g;
                float second = expAvgSq[i];
                if (maxExpAvgSq is not null) second = maxExpAvgSq[i] = MathF.Max(maxExpAvgSq[i], second);
                float denom = MathF.Sqrt(second) / biasCorrection2Sqrt + eps;
                p[i] += negativeStepSize * expAvg[i] / denom;
            }
        }
    }
}
