using System.Numerics.Tensors;
using RnnLab.Torch.Autograd;

namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>The arithmetic the binary kernel knows; one switch per call, never per element.</summary>
    internal enum BinaryOp { Add, Subtract, Multiply, Divide, Power, Maximum, Minimum }

    public sealed partial class Tensor
    {
        /// <summary>A 0-d float32 tensor wrapping a scalar operand (computed in float32, as ATen does).</summary>
        internal static Tensor Scalar(double value) => FromContiguous([(float)value], []);

        /// <summary>A 0-d int64 tensor wrapping an integral scalar operand.</summary>
        internal static Tensor Scalar(long value) => FromContiguous([value], []);

        /// <summary>Result dtype of arithmetic: float wins; bool counts as int64; division is always float.</summary>
        private static ScalarType ArithmeticType(Tensor a, Tensor b, BinaryOp op) =>
            op is BinaryOp.Divide || a.dtype == ScalarType.Float32 || b.dtype == ScalarType.Float32 ? ScalarType.Float32 : ScalarType.Int64;

        /// <summary>Forward computation of a broadcasting binary op; records nothing.</summary>
        internal static Tensor BinaryKernel(Tensor a, Tensor b, BinaryOp op)
        {
            long[] shape = BroadcastShapes(a.Sizes, b.Sizes);
            int n = checked((int)ShapeNumel(shape));
            if (ArithmeticType(a, b, op) == ScalarType.Float32)
            {
                var result = GC.AllocateUninitializedArray<float>(n); // every element is written
                if (IsTrailingBlock(b, shape) && a.Sizes.AsSpan().SequenceEqual(shape))
                {
                    // x (N, H) op bias (H): one span op per row, no expanded copy of the bias.
                    ReadOnlySpan<float> x = a.ReadFloats(), block = b.ReadFloats();
                    for (int start = 0; start < n; start += block.Length)
                        ApplyFloat(x.Slice(start, block.Length), block, result.AsSpan(start, block.Length), op);
                }
                else if (IsTrailingBlock(a, shape) && b.Sizes.AsSpan().SequenceEqual(shape))
                {
                    ReadOnlySpan<float> block = a.ReadFloats(), y = b.ReadFloats();
                    for (int start = 0; start < n; start += block.Length)
                        ApplyFloat(block, y.Slice(start, block.Length), result.AsSpan(start, block.Length), op);
                }
                else
                {
                    ReadOnlySpan<float> x = a.ReadFloatsAs(shape);
                    if (b.numel() == 1 && n != 1) ApplyScalar(x, b.ReadFloats()[0], result, op);
                    else ApplyFloat(x, b.ReadFloatsAs(shape), result, op);
                }
                return FromContiguous(result, shape);
            }
            var longs = new long[n];
            ApplyLong(a.ReadLongsAs(shape), b.ReadLongsAs(shape), longs, op);
            return FromContiguous(longs, shape);
        }

        /// <summary>
        /// True when <paramref name="t"/> broadcasts to <paramref name="shape"/> by repeating it whole
        /// along leading dims (its sizes, without leading 1s, are the trailing sizes of the shape),
        /// and it is more than a scalar: then each row of the result pairs with the same block.
        /// </summary>
        private static bool IsTrailingBlock(Tensor t, long[] shape)
        {
            int lead = 0;
            while (lead < t.Sizes.Length && t.Sizes[lead] == 1) lead++;
            int rank = t.Sizes.Length - lead;
            if (rank == 0 || rank >= shape.Length || t.numel() <= 1) return false;
            for (int i = 1; i <= rank; i++)
                if (t.Sizes[^i] != shape[^i]) return false;
            return t.dtype == ScalarType.Float32 && t.is_contiguous();
        }

        private static void ApplyFloat(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> r, BinaryOp op)
        {
            switch (op)
            {
                case BinaryOp.Add: TensorPrimitives.Add(x, y, r); break;
                case BinaryOp.Subtract: TensorPrimitives.Subtract(x, y, r); break;
                case BinaryOp.Multiply: TensorPrimitives.Multiply(x, y, r); break;
                case BinaryOp.Divide: TensorPrimitives.Divide(x, y, r); break;
                case BinaryOp.Power: TensorPrimitives.Pow(x, y, r); break;
                case BinaryOp.Maximum: TensorPrimitives.Max(x, y, r); break;
                case BinaryOp.Minimum: TensorPrimitives.Min(x, y, r); break;
            }
        }

        private static void ApplyScalar(ReadOnlySpan<float> x, float y, Span<float> r, BinaryOp op)
        {
            switch (op)
            {
                case BinaryOp.Add: TensorPrimitives.Add(x, y, r); break;
                case BinaryOp.Subtract: TensorPrimitives.Subtract(x, y, r); break;
                case BinaryOp.Multiply: TensorPrimitives.Multiply(x, y, r); break;
                case BinaryOp.Divide: TensorPrimitives.Divide(x, y, r); break;
                case BinaryOp.Power: PowScalar(x, y, r); break;
                case BinaryOp.Maximum: TensorPrimitives.Max(x, y, r); break;
                case BinaryOp.Minimum: TensorPrimitives.Min(x, y, r); break;
            }
        }

        /// <summary>x^y with exact fast paths for the common exponents (squares are everywhere in losses).</summary>
        internal static void PowScalar(ReadOnlySpan<float> x, float y, Span<float> r)
        {
            if (y == 2f) TensorPrimitives.Multiply(x, x, r);
            else if (y == 1f) x.CopyTo(r);
            else if (y == 0.5f) TensorPrimitives.Sqrt(x, r);
            else if (y == -1f) TensorPrimitives.Reciprocal(x, r);
            else TensorPrimitives.Pow(x, y, r);
        }

        private static void ApplyLong(ReadOnlySpan<long> x, ReadOnlySpan<long> y, Span<long> r, BinaryOp op)
        {
            switch (op)
            {
                case BinaryOp.Add: TensorPrimitives.Add(x, y, r); break;
                case BinaryOp.Subtract: TensorPrimitives.Subtract(x, y, r); break;
                case BinaryOp.Multiply: TensorPrimitives.Multiply(x, y, r); break;
                case BinaryOp.Maximum: TensorPrimitives.Max(x, y, r); break;
                case BinaryOp.Minimum: TensorPrimitives.Min(x, y, r); break;
                case BinaryOp.Power:
                    for (int i = 0; i < r.Length; i++)
                    {
                        if (y[i] < 0) throw new ArgumentException("Integers to negative integer powers are not allowed.");
                        long acc = 1;
                        for (long e = 0; e < y[i]; e++) acc *= x[i];
                        r[i] = acc;
                    }
                    break;
                default: throw new InvalidOperationException($"{op} has no integer kernel");
            }
        }

        /// <summary>Elementwise sum with broadcasting; <paramref name="alpha"/> scales <paramref name="other"/>.</summary>
        public Tensor add(Tensor other, double alpha = 1)
        {
            Tensor b = alpha == 1 ? other : other.mul(alpha);
            Tensor a = this;
            Tensor result = BinaryKernel(a, b, BinaryOp.Add);
            long[] sa = a.shape, sb = other.shape;
            return FunctionBackward.Record("AddBackward0", result, [a, other], g =>
                [a.requires_grad ? g.sum_to_size(sa) : null, other.requires_grad ? (alpha == 1 ? g : g.mul(alpha)).sum_to_size(sb) : null]);
        }

        /// <summary>Adds a scalar.</summary>
        public Tensor add(double scalar) => ScalarOp(Scalar(scalar), BinaryOp.Add, "AddBackward0", static (g, _) => g);

        /// <summary>Adds an integral scalar (int64 tensors stay int64).</summary>
        public Tensor add(long scalar) => ScalarOp(Scalar(scalar), BinaryOp.Add, "AddBackward0", static (g, _) => g);

        /// <summary>Elementwise difference with broadcasting; <paramref name="alpha"/> scales <paramref name="other"/>.</summary>
        public Tensor sub(Tensor other, double alpha = 1)
        {
            Tensor b = alpha == 1 ? other : other.mul(alpha);
            Tensor a = this;
            Tensor result = BinaryKernel(a, b, BinaryOp.Subtract);
            long[] sa = a.shape, sb = other.shape;
            return FunctionBackward.Record("SubBackward0", result, [a, other], g =>
                [a.requires_grad ? g.sum_to_size(sa) : null, other.requires_grad ? g.mul(-alpha).sum_to_size(sb) : null]);
        }

        /// <summary>Subtracts a scalar.</summary>
        public Tensor sub(double scalar) => ScalarOp(Scalar(scalar), BinaryOp.Subtract, "SubBackward0", static (g, _) => g);

        /// <summary>Subtracts an integral scalar.</summary>
        public Tensor sub(long scalar) => ScalarOp(Scalar(scalar), BinaryOp.Subtract, "SubBackward0", static (g, _) => g);

        /// <summary>Elementwise product with broadcasting.</summary>
        public Tensor mul(Tensor other)
        {
            Tensor a = this;
            Tensor result = BinaryKernel(a, other, BinaryOp.Multiply);
            long[] sa = a.shape, sb = other.shape;
            return FunctionBackward.Record("MulBackward0", result, [a, other], g =>
                [a.requires_grad ? g.mul(other).sum_to_size(sa) : null, other.requires_grad ? g.mul(a).sum_to_size(sb) : null]);
        }

        /// <summary>Multiplies by a scalar.</summary>
        public Tensor mul(double scalar) => ScalarOp(Scalar(scalar), BinaryOp.Multiply, "MulBackward0", (g, _) => g.mul(scalar));

        /// <summary>Multiplies by an integral scalar.</summary>
        public Tensor mul(long scalar) => ScalarOp(Scalar(scalar), BinaryOp.Multiply, "MulBackward0", (g, _) => g.mul((double)scalar));

        /// <summary>Elementwise true division with broadcasting (integers give float32, as in PyTorch).</summary>
        public Tensor div(Tensor other)
        {
            Tensor a = this;
            Tensor result = BinaryKernel(a, other, BinaryOp.Divide);
            long[] sa = a.shape, sb = other.shape;
            return FunctionBackward.Record("DivBackward0", result, [a, other], g =>
                [a.requires_grad ? g.div(other).sum_to_size(sa) : null,
                 other.requires_grad ? g.mul(result).div(other).neg().sum_to_size(sb) : null]);
        }

        /// <summary>Divides by a scalar.</summary>
        public Tensor div(double scalar) => ScalarOp(Scalar(scalar), BinaryOp.Divide, "DivBackward0", (g, _) => g.div(scalar));

        /// <summary>Raises to a tensor of exponents (broadcasting).</summary>
        public Tensor pow(Tensor exponent)
        {
            Tensor a = this;
            Tensor result = BinaryKernel(a, exponent, BinaryOp.Power);
            long[] sa = a.shape, sb = exponent.shape;
            return FunctionBackward.Record("PowBackward1", result, [a, exponent], g =>
                [a.requires_grad ? g.mul(exponent).mul(a.pow(exponent.sub(1.0))).sum_to_size(sa) : null,
                 exponent.requires_grad ? g.mul(result).mul(a.log()).sum_to_size(sb) : null]);
        }

        /// <summary>Raises to a scalar power.</summary>
        public Tensor pow(double exponent) => ScalarOp(Scalar(exponent), BinaryOp.Power, "PowBackward0",
            (g, x) => exponent == 0 ? g.mul(0.0) : g.mul(x.pow(exponent - 1)).mul(exponent));

        /// <summary>Raises an int64 tensor to an integral power (stays int64); float tensors as usual.</summary>
        public Tensor pow(long exponent) => dtype == ScalarType.Float32 ? pow((double)exponent) : BinaryKernel(this, Scalar(exponent), BinaryOp.Power);

        /// <summary>Elementwise maximum with broadcasting.</summary>
        public Tensor maximum(Tensor other) => MinMaxOp(other, BinaryOp.Maximum, "MaximumBackward0");

        /// <summary>Elementwise minimum with broadcasting.</summary>
        public Tensor minimum(Tensor other) => MinMaxOp(other, BinaryOp.Minimum, "MinimumBackward0");

        private Tensor MinMaxOp(Tensor other, BinaryOp op, string name)
        {
            Tensor a = this;
            Tensor result = BinaryKernel(a, other, op);
            long[] sa = a.shape, sb = other.shape;
            return FunctionBackward.Record(name, result, [a, other], g =>
            {
                // Ties split the gradient in half, as PyTorch does.
                Tensor aWins = op == BinaryOp.Maximum ? a.gt(other) : a.lt(other);
                Tensor tie = a.eq(other);
                Tensor wa = aWins.@float().add(tie.@float().mul(0.5));
                Tensor wb = wa.neg().add(1.0);
                return [a.requires_grad ? g.mul(wa).sum_to_size(sa) : null, other.requires_grad ? g.mul(wb).sum_to_size(sb) : null];
            });
        }

        /// <summary>this (op) scalar, where the scalar never needs a gradient.</summary>
        private Tensor ScalarOp(Tensor scalar, BinaryOp op, string name, Func<Tensor, Tensor, Tensor> gradient)
        {
            Tensor x = this;
            Tensor result = BinaryKernel(x, scalar, op);
            return FunctionBackward.Record(name, result, [x], g => [gradient(g, x)]);
        }

        /// <summary>scalar - this.</summary>
        internal Tensor RSub(Tensor scalar)
        {
            Tensor result = BinaryKernel(scalar, this, BinaryOp.Subtract);
            return FunctionBackward.Record("RsubBackward1", result, [this], g => [g.neg()]);
        }

        /// <summary>scalar / this.</summary>
        internal Tensor RDiv(Tensor scalar)
        {
            Tensor x = this;
            Tensor result = BinaryKernel(scalar, x, BinaryOp.Divide);
            // PyTorch computes scalar / x as x.reciprocal() * scalar, hence its node name.
            return FunctionBackward.Record("MulBackward0", result, [x], g => [g.mul(result).div(x).neg()]);
        }
    }

    /// <summary>input + alpha * other.</summary>
    public static Tensor add(Tensor input, Tensor other, double alpha = 1) => input.add(other, alpha);
    /// <summary>input - alpha * other.</summary>
    public static Tensor sub(Tensor input, Tensor other, double alpha = 1) => input.sub(other, alpha);
    /// <summary>input * other.</summary>
    public static Tensor mul(Tensor input, Tensor other) => input.mul(other);
    /// <summary>input / other.</summary>
    public static Tensor div(Tensor input, Tensor other) => input.div(other);
    /// <summary>input ^ exponent.</summary>
    public static Tensor pow(Tensor input, Tensor exponent) => input.pow(exponent);
    /// <summary>input ^ exponent.</summary>
    public static Tensor pow(Tensor input, double exponent) => input.pow(exponent);
    /// <summary>Elementwise maximum.</summary>
    public static Tensor maximum(Tensor input, Tensor other) => input.maximum(other);
    /// <summary>Elementwise minimum.</summary>
    public static Tensor minimum(Tensor input, Tensor other) => input.minimum(other);
}
