namespace RnnLab.Torch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>Learning-rate schedulers.</summary>
        public static class lr_scheduler
        {
            /// <summary>Multiplies each group's learning rate by <paramref name="gamma"/> every <paramref name="step_size"/> calls to step().</summary>
            public static LRScheduler StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                new StepLRScheduler(optimizer, step_size, gamma, last_epoch);

            /// <summary>Base of the schedulers: step() once per epoch, after optimizer.step().</summary>
            public abstract class LRScheduler
            {
                private readonly Optimizer _optimizer;

                /// <summary>Attaches to <paramref name="optimizer"/> and takes the initial step (epoch 0), as PyTorch does.</summary>
                protected LRScheduler(Optimizer optimizer, int lastEpoch)
                {
                    _optimizer = optimizer;
                    if (lastEpoch != -1) throw new NotSupportedException("resuming a scheduler (last_epoch != -1) is not supported");
                    last_epoch = lastEpoch;
                    step();
                }

                /// <summary>The number of step() calls so far, minus one.</summary>
                public int last_epoch { get; private set; }

                /// <summary>Advances one epoch and updates every group's learning rate.</summary>
                public void step()
                {
                    last_epoch++;
                    foreach (ParamGroup group in _optimizer.ParamGroups) group.LearningRate = NextLearningRate(group.LearningRate!.Value, last_epoch);
                }

                /// <summary>The learning rate of each group after the last step().</summary>
                public IList<double> get_last_lr() => _optimizer.ParamGroups.Select(g => g.LearningRate!.Value).ToList();

                /// <summary>The chained-form rule: the new rate from the current one at <paramref name="epoch"/>.</summary>
                protected abstract double NextLearningRate(double current, int epoch);
            }

            private sealed class StepLRScheduler : LRScheduler
            {
                private readonly int _stepSize;
                private readonly double _gamma;

                public StepLRScheduler(Optimizer optimizer, int stepSize, double gamma, int lastEpoch) : base(optimizer, Validate(stepSize, lastEpoch))
                {
                    _stepSize = stepSize;
                    _gamma = gamma;
                }

                private static int Validate(int stepSize, int lastEpoch) =>
                    stepSize > 0 ? lastEpoch : throw new ArgumentException($"step_size must be positive, got {stepSize}");

                // PyTorch's StepLR.get_lr: unchanged at epoch 0 and between boundaries, times gamma at each boundary.
                protected override double NextLearningRate(double current, int epoch) =>
                    epoch == 0 || epoch % _stepSize != 0 ? current : current * _gamma;
            }
        }
    }
}
