namespace RnnLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Training utilities.</summary>
        public static partial class utils
        {
            /// <summary>
            /// Rescales gradients in place so their joint norm is at most <paramref name="max_norm"/>; returns the
            /// norm before clipping (a double, as in TorchSharp). Scale = max_norm / (norm + 1e-6), applied only when below 1.
            /// A non-finite norm is an error only with <paramref name="error_if_nonfinite"/> (PyTorch 1.13's default is false).
            /// </summary>
            public static double clip_grad_norm_(IEnumerable<Tensor> tensors, double max_norm, double norm_type = 2.0, bool error_if_nonfinite = false)
            {
                var grads = tensors.Where(t => t.grad is not null).Select(t => t.grad!).ToList();
                if (grads.Count == 0) return 0.0;
                // PyTorch takes each gradient's norm in float32, then the norm of those norms.
                var norms = grads.Select(g => (float)Norm(LocalTensorOps.Read(g), norm_type)).ToArray();
                float total = (float)Norm(norms, norm_type);
                if (error_if_nonfinite && (float.IsNaN(total) || float.IsInfinity(total)))
                    throw new InvalidOperationException($"The total norm of order {norm_type} for gradients from `parameters` is non-finite, so it cannot be clipped.");
                float coefficient = (float)max_norm / (total + 1e-6f);
                if (coefficient < 1f)
                    foreach (Tensor g in grads) Scale(g, coefficient);
                return total;
            }

            /// <summary>Clamps every gradient element into [-clip_value, clip_value] in place.</summary>
            public static void clip_grad_value_(IEnumerable<Tensor> tensors, double clip_value)
            {
                float limit = (float)clip_value;
                foreach (Tensor t in tensors)
                {
                    if (t.grad is null) continue;
                    Span<float> g = Writable(t);
                    System.Numerics.Tensors.TensorPrimitives.Clamp(g, -limit, limit, g);
                }
            }

            private static double Norm(ReadOnlySpan<float> values, double p)
            {
                if (double.IsPositiveInfinity(p))
                {
                    float max = 0f;
                    foreach (float v in values) max = MathF.Max(max, MathF.Abs(v));
                    return max;
                }
                if (p == 2.0) return System.Numerics.Tensors.TensorPrimitives.Norm(values);
                double sum = 0;
                foreach (float v in values) sum += Math.Pow(Math.Abs(v), p);
                return Math.Pow(sum, 1.0 / p);
            }

            private static void Scale(Tensor grad, float coefficient)
            {
                Span<float> g = grad.ContiguousFloatSpan();
                System.Numerics.Tensors.TensorPrimitives.Multiply(g, coefficient, g);
            }

            private static Span<float> Writable(Tensor parameter)
            {
                if (!parameter.grad!.is_contiguous()) parameter.grad = Tensor.FromContiguous(parameter.grad.ToFloatArray(), parameter.grad.shape);
                return parameter.grad.ContiguousFloatSpan();
            }
        }
    }
}
