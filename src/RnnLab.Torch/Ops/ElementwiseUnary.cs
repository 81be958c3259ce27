using System.Numerics.Tensors;
using RnnLab.Torch.Autograd;

namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>Float32 unary functions the kernel knows.</summary>
    internal enum UnaryOp { Neg, Exp, Log, Sqrt, Abs, Tanh, Sigmoid, Relu, Sin, Cos, Square, Sign, Reciprocal, Floor, Ceil, Round, Log1p }

    public sealed partial class Tensor
    {
        internal static Tensor UnaryKernel(Tensor x, UnaryOp op)
        {
            if (x.dtype != ScalarType.Float32)
            {
                if (op is UnaryOp.Neg or UnaryOp.Abs or UnaryOp.Square or UnaryOp.Sign && x.dtype == ScalarType.Int64)
                    return LongUnary(x, op);
                x = x.to(ScalarType.Float32);
            }
            ReadOnlySpan<float> s = x.ReadSpan<float>();
            var r = GC.AllocateUninitializedArray<float>(s.Length);
            switch (op)
            {
                case UnaryOp.Neg: TensorPrimitives.Negate(s, r); break;
                case UnaryOp.Exp: TensorPrimitives.Exp(s, r); break;
                case UnaryOp.Log: TensorPrimitives.Log(s, r); break;
                case UnaryOp.Sqrt: TensorPrimitives.Sqrt(s, r); break;
                case UnaryOp.Abs: TensorPrimitives.Abs(s, r); break;
                case UnaryOp.Tanh: TensorPrimitives.Tanh(s, r); break;
                case UnaryOp.Sigmoid: TensorPrimitives.Sigmoid(s, r); break;
                case UnaryOp.Relu: TensorPrimitives.Max(s, 0f, r); break;
                case UnaryOp.Sin: TensorPrimitives.Sin(s, r); break;
                case UnaryOp.Cos: TensorPrimitives.Cos(s, r); break;
                case UnaryOp.Square: TensorPrimitives.Multiply(s, s, r); break;
                case UnaryOp.Reciprocal: TensorPrimitives.Reciprocal(s, r); break;
                case UnaryOp.Floor: TensorPrimitives.Floor(s, r); break;
                case UnaryOp.Ceil: TensorPrimitives.Ceiling(s, r); break;
                case UnaryOp.Round: TensorPrimitives.Round(s, r); break;
                case UnaryOp.Log1p: TensorPrimitives.LogP1(s, r); break;
                case UnaryOp.Sign:
                    for (int i = 0; i < s.Length; i++) r[i] = float.IsNaN(s[i]) ? 0f : Math.Sign(s[i]);
                    break;
            }
            return FromContiguous(r, x.Sizes);
        }

        private static Tensor LongUnary(Tensor x, UnaryOp op)
        {
            ReadOnlySpan<long> s = x.ReadSpan<long>();
            var r = new long[s.Length];
            switch (op)
            {
                case UnaryOp.Neg: TensorPrimitives.Negate(s, r); break;
                case UnaryOp.Abs: for (int i = 0; i < s.Length; i++) r[i] = Math.Abs(s[i]); break;
                case UnaryOp.Square: TensorPrimitives.Multiply(s, s, r); break;
                default: for (int i = 0; i < s.Length; i++) r[i] = Math.Sign(s[i]); break;
            }
            return FromContiguous(r, x.Sizes);
        }

        private Tensor Unary(UnaryOp op, string name, Func<Tensor, Tensor, Tensor, Tensor> gradient)
        {
            Tensor x = this;
            Tensor y = UnaryKernel(x, op);
            return FunctionBackward.Record(name, y, [x], g => [gradient(g, x, y)]);
        }

        /// <summary>-x.</summary>
        public Tensor neg() => Unary(UnaryOp.Neg, "NegBackward0", static (g, _, _) => g.neg());
        /// <summary>Same as <see cref="neg"/>.</summary>
        public Tensor negative() => neg();
        /// <summary>e^x.</summary>
        public Tensor exp() => Unary(UnaryOp.Exp, "ExpBackward0", static (g, _, y) => g.mul(y));
        /// <summary>Natural logarithm.</summary>
        public Tensor log() => Unary(UnaryOp.Log, "LogBackward0", static (g, x, _) => g.div(x));
        /// <summary>log(1 + x), accurate near 0.</summary>
        public Tensor log1p() => Unary(UnaryOp.Log1p, "Log1PBackward0", static (g, x, _) => g.div(x.add(1.0)));
        /// <summary>Square root.</summary>
        public Tensor sqrt() => Unary(UnaryOp.Sqrt, "SqrtBackward0", static (g, _, y) => g.div(y.mul(2.0)));
        /// <summary>|x|.</summary>
        public Tensor abs() => Unary(UnaryOp.Abs, "AbsBackward0", static (g, x, _) => g.mul(x.sign()));
        /// <summary>Hyperbolic tangent.</summary>
        public Tensor tanh() => Unary(UnaryOp.Tanh, "TanhBackward0", static (g, _, y) => g.mul(y.square().RSub(Scalar(1.0))));
        /// <summary>1 / (1 + e^-x).</summary>
        public Tensor sigmoid() => Unary(UnaryOp.Sigmoid, "SigmoidBackward0", static (g, _, y) => g.mul(y).mul(y.RSub(Scalar(1.0))));
        /// <summary>max(x, 0).</summary>
        public Tensor relu() => Unary(UnaryOp.Relu, "ReluBackward0", static (g, _, y) => g.mul(y.gt(0.0).@float()));
        /// <summary>Sine.</summary>
        public Tensor sin() => Unary(UnaryOp.Sin, "SinBackward0", static (g, x, _) => g.mul(x.cos()));
        /// <summary>Cosine.</summary>
        public Tensor cos() => Unary(UnaryOp.Cos, "CosBackward0", static (g, x, _) => g.mul(x.sin()).neg());
        /// <summary>x * x.</summary>
        public Tensor square() => Unary(UnaryOp.Square, "PowBackward0", static (g, x, _) => g.mul(x).mul(2.0));
        /// <summary>1 / x.</summary>
        public Tensor reciprocal() => Unary(UnaryOp.Reciprocal, "ReciprocalBackward0", static (g, _, y) => g.mul(y.square()).neg());
        /// <summary>-1, 0 or 1 (not differentiable: zero gradient).</summary>
        public Tensor sign() => Unary(UnaryOp.Sign, "SignBackward0", static (g, _, _) => g.mul(0.0));
        /// <summary>Rounds down (zero gradient).</summary>
        public Tensor floor() => Unary(UnaryOp.Floor, "FloorBackward0", static (g, _, _) => g.mul(0.0));
        /// <summary>Rounds up (zero gradient).</summary>
        public Tensor ceil() => Unary(UnaryOp.Ceil, "CeilBackward0", static (g, _, _) => g.mul(0.0));
        /// <summary>Rounds half to even (zero gradient).</summary>
        public Tensor round() => Unary(UnaryOp.Round, "RoundBackward0", static (g, _, _) => g.mul(0.0));

        /// <summary>Limits values to [min, max]; either bound may be omitted. Gradient passes where the input was inside.</summary>
        public Tensor clamp(double? min = null, double? max = null)
        {
            if (min is null && max is null) throw new ArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
            Tensor x = this;
            if (x.dtype != ScalarType.Float32) x = x.to(ScalarType.Float32);
            ReadOnlySpan<float> s = x.ReadSpan<float>();
            var r = GC.AllocateUninitializedArray<float>(s.Length);
            s.CopyTo(r);
            if (min is { } lo) TensorPrimitives.Max(r, (float)lo, r);
            if (max is { } hi) TensorPrimitives.Min(r, (float)hi, r);
            Tensor y = FromContiguous(r, x.Sizes);
            return FunctionBackward.Record("ClampBackward1", y, [x], g =>
            {
                Tensor inside = x.eq(x);
                if (min is { } a) inside = inside.logical_and(x.ge(a));
                if (max is { } b) inside = inside.logical_and(x.le(b));
                return [g.mul(inside.@float())];
            });
        }

        /// <summary>Same as <see cref="clamp"/>.</summary>
        public Tensor clip(double? min = null, double? max = null) => clamp(min, max);
    }

    /// <summary>-x.</summary>
    public static Tensor neg(Tensor x) => x.neg();
    /// <summary>e^x.</summary>
    public static Tensor exp(Tensor x) => x.exp();
    /// <summary>Natural logarithm.</summary>
    public static Tensor log(Tensor x) => x.log();
    /// <summary>Square root.</summary>
    public static Tensor sqrt(Tensor x) => x.sqrt();
    /// <summary>|x|.</summary>
    public static Tensor abs(Tensor x) => x.abs();
    /// <summary>Hyperbolic tangent.</summary>
    public static Tensor tanh(Tensor x) => x.tanh();
    /// <summary>Logistic sigmoid.</summary>
    public static Tensor sigmoid(Tensor x) => x.sigmoid();
    /// <summary>max(x, 0).</summary>
    public static Tensor relu(Tensor x) => x.relu();
    /// <summary>Sine.</summary>
    public static Tensor sin(Tensor x) => x.sin();
    /// <summary>Cosine.</summary>
    public static Tensor cos(Tensor x) => x.cos();
    /// <summary>x * x.</summary>
    public static Tensor square(Tensor x) => x.square();
    /// <summary>Limits values to [min, max].</summary>
    public static Tensor clamp(Tensor x, double? min = null, double? max = null) => x.clamp(min, max);
}
