namespace RnnLab.Torch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// Base of the optimizers: parameter groups (each with its own learning rate), zero_grad and step.
        /// Updates write each parameter's storage in place, so models and views keep seeing the same tensors.
        /// </summary>
        public abstract class Optimizer
        {
            private readonly List<ParamGroup> _groups;

            /// <summary>Creates an optimizer over groups; a group without its own lr gets <paramref name="defaultLearningRate"/>.</summary>
            protected Optimizer(IEnumerable<ParamGroup> groups, double defaultLearningRate)
            {
                if (defaultLearningRate < 0) throw new ArgumentException($"Invalid learning rate: {defaultLearningRate}");
                _groups = groups.ToList();
                if (_groups.Count == 0 || _groups.All(g => g.Parameters.Count == 0))
                    throw new ArgumentException("optimizer got an empty parameter list");
                foreach (ParamGroup group in _groups)
                {
                    group.LearningRate ??= defaultLearningRate;
                    group.InitialLearningRate = group.LearningRate.Value;
                    foreach (Tensor p in group.Parameters)
                    {
                        if (!p.is_leaf) throw new ArgumentException("can't optimize a non-leaf Tensor");
                        if (!p.is_contiguous() || p.dtype != ScalarType.Float32)
                            throw new ArgumentException($"optimizers update contiguous float32 parameters in place; got {Tensor.DTypeName(p.dtype)} {Tensor.ShapeString(p.shape)}");
                    }
                }
            }

            /// <summary>The parameter groups, in order.</summary>
            public IReadOnlyList<ParamGroup> ParamGroups => _groups;

            /// <summary>Zeroes every parameter's gradient in place (TorchSharp's and PyTorch 1.13's default); with set_to_none, drops them.</summary>
            public virtual void zero_grad(bool set_to_none = false)
            {
                foreach (ParamGroup group in _groups)
                    foreach (Tensor p in group.Parameters)
                    {
                        if (p.grad is null) continue;
                        if (set_to_none) p.grad = null;
                        else if (p.grad.is_contiguous()) p.grad.ContiguousFloatSpan().Clear();
                        else p.grad = LocalTensorOps.Zeros(p.shape);
                    }
            }

            /// <summary>One update of every parameter that has a gradient. The closure, if any, is evaluated first (with gradients on) and its loss returned.</summary>
            public virtual Tensor? step(Func<Tensor>? closure = null)
            {
                Tensor? loss = null;
                if (closure is not null)
                {
                    using var enabled = enable_grad();
                    loss = closure();
                }
                using var _ = no_grad();
                foreach (ParamGroup group in _groups)
                {
                    for (int i = 0; i < group.Parameters.Count; i++)
                    {
                        Tensor p = group.Parameters[i];
                        if (p.grad is null) continue;
                        Update(group, i, p.ContiguousFloatSpan(), LocalTensorOps.Read(p.grad));
                    }
                }
                return loss;
            }

            /// <summary>Updates one parameter in place from its gradient.</summary>
            protected abstract void Update(ParamGroup group, int index, Span<float> parameter, ReadOnlySpan<float> gradient);

            /// <summary>Per-parameter state buffer <paramref name="name"/>, created zeroed on first use.</summary>
            protected static float[] State(ParamGroup group, int index, string name, int length)
            {
                var key = (index, name);
                if (!group.State.TryGetValue(key, out float[]? buffer)) group.State[key] = buffer = new float[length];
                return buffer;
            }

            /// <summary>Whether state buffer <paramref name="name"/> exists yet.</summary>
            protected static bool HasState(ParamGroup group, int index, string name) => group.State.ContainsKey((index, name));
        }

        /// <summary>A set of parameters optimised with their own learning rate (PyTorch's param_groups entry).</summary>
        public sealed class ParamGroup
        {
            /// <summary>Parameters with a learning rate, or null to use the optimizer's.</summary>
            public ParamGroup(IEnumerable<Tensor> parameters, double? lr = null)
            {
                Parameters = parameters.ToList();
                LearningRate = lr;
            }

            /// <summary>The parameters.</summary>
            public IReadOnlyList<Tensor> Parameters { get; }

            /// <summary>The current learning rate (schedulers change it).</summary>
            public double? LearningRate { get; set; }

            /// <summary>The learning rate when the optimizer was made (StepLR's base).</summary>
            public double InitialLearningRate { get; internal set; }

            /// <summary>Step counts and moment buffers, per parameter index.</summary>
            internal Dictionary<(int index, string name), float[]> State { get; } = new();

            /// <summary>Steps taken per parameter index (Adam's bias correction).</summary>
            internal Dictionary<int, long> Steps { get; } = new();
        }

        internal static IEnumerable<ParamGroup> SingleGroup(IEnumerable<Tensor> parameters) => [new ParamGroup(parameters)];
    }
}
