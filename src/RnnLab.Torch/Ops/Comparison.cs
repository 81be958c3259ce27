namespace RnnLab.Torch;

public static partial class torch
{
    internal enum CompareOp { Eq, Ne, Lt, Le, Gt, Ge }

    public sealed partial class Tensor
    {
        /// <summary>Elementwise comparison with broadcasting, giving a Bool tensor; never recorded.</summary>
        internal static Tensor CompareKernel(Tensor a, Tensor b, CompareOp op)
        {
            long[] shape = BroadcastShapes(a.Sizes, b.Sizes);
            var r = new bool[ShapeNumel(shape)];
            if (a.dtype == ScalarType.Float32 || b.dtype == ScalarType.Float32)
                Compare(a.ReadFloatsAs(shape), b.ReadFloatsAs(shape), r, op);
            else
                Compare(a.ReadLongsAs(shape), b.ReadLongsAs(shape), r, op);
            return FromContiguous(r, shape);
        }

        private static void Compare<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> r, CompareOp op) where T : System.Numerics.INumber<T>
        {
            switch (op)
            {
                case CompareOp.Eq: for (int i = 0; i < r.Length; i++) r[i] = x[i] == y[i]; break;
                case CompareOp.Ne: for (int i = 0; i < r.Length; i++) r[i] = x[i] != y[i]; break;
                case CompareOp.Lt: for (int i = 0; i < r.Length; i++) r[i] = x[i] < y[i]; break;
                case CompareOp.Le: for (int i = 0; i < r.Length; i++) r[i] = x[i] <= y[i]; break;
                case CompareOp.Gt: for (int i = 0; i < r.Length; i++) r[i] = x[i] > y[i]; break;
                case CompareOp.Ge: for (int i = 0; i < r.Length; i++) r[i] = x[i] >= y[i]; break;
            }
        }

        private static Tensor ScalarLike(Tensor t, double value) =>
            t.dtype != ScalarType.Float32 && value == Math.Floor(value) && Math.Abs(value) < 9e15 ? Scalar((long)value) : Scalar(value);

        /// <summary>Elementwise ==.</summary>
        public Tensor eq(Tensor other) => CompareKernel(this, other, CompareOp.Eq);
        /// <summary>Elementwise == a scalar.</summary>
        public Tensor eq(double other) => CompareKernel(this, ScalarLike(this, other), CompareOp.Eq);
        /// <summary>Elementwise !=.</summary>
        public Tensor ne(Tensor other) => CompareKernel(this, other, CompareOp.Ne);
        /// <summary>Elementwise != a scalar.</summary>
        public Tensor ne(double other) => CompareKernel(this, ScalarLike(this, other), CompareOp.Ne);
        /// <summary>Elementwise &lt;.</summary>
        public Tensor lt(Tensor other) => CompareKernel(this, other, CompareOp.Lt);
        /// <summary>Elementwise &lt; a scalar.</summary>
        public Tensor lt(double other) => CompareKernel(this, ScalarLike(this, other), CompareOp.Lt);
        /// <summary>Elementwise &lt;=.</summary>
        public Tensor le(Tensor other) => CompareKernel(this, other, CompareOp.Le);
        /// <summary>Elementwise &lt;= a scalar.</summary>
        public Tensor le(double other) => CompareKernel(this, ScalarLike(this, other), CompareOp.Le);
        /// <summary>Elementwise &gt;.</summary>
        public Tensor gt(Tensor other) => CompareKernel(this, other, CompareOp.Gt);
        /// <summary>Elementwise &gt; a scalar.</summary>
        public Tensor gt(double other) => CompareKernel(this, ScalarLike(this, other), CompareOp.Gt);
        /// <summary>Elementwise &gt;=.</summary>
        public Tensor ge(Tensor other) => CompareKernel(this, other, CompareOp.Ge);
        /// <summary>Elementwise &gt;= a scalar.</summary>
        public Tensor ge(double other) => CompareKernel(this, ScalarLike(this, other), CompareOp.Ge);

        private enum LogicalOp { And, Or, Xor }

        private Tensor Logical(Tensor other, LogicalOp op)
        {
            long[] shape = BroadcastShapes(Sizes, other.Sizes);
            ReadOnlySpan<bool> x = @bool().ExpandView(shape).ReadSpan<bool>();
            ReadOnlySpan<bool> y = other.@bool().ExpandView(shape).ReadSpan<bool>();
            var r = new bool[x.Length];
            switch (op)
            {
                case LogicalOp.And: for (int i = 0; i < r.Length; i++) r[i] = x[i] & y[i]; break;
                case LogicalOp.Or: for (int i = 0; i < r.Length; i++) r[i] = x[i] | y[i]; break;
                default: for (int i = 0; i < r.Length; i++) r[i] = x[i] ^ y[i]; break;
            }
            return FromContiguous(r, shape);
        }

        /// <summary>Elementwise logical and (nonzero counts as true).</summary>
        public Tensor logical_and(Tensor other) => Logical(other, LogicalOp.And);
        /// <summary>Elementwise logical or.</summary>
        public Tensor logical_or(Tensor other) => Logical(other, LogicalOp.Or);
        /// <summary>Elementwise logical xor.</summary>
        public Tensor logical_xor(Tensor other) => Logical(other, LogicalOp.Xor);

        /// <summary>Elementwise logical not.</summary>
        public Tensor logical_not()
        {
            ReadOnlySpan<bool> x = @bool().ReadSpan<bool>();
            var r = new bool[x.Length];
            for (int i = 0; i < r.Length; i++) r[i] = !x[i];
            return FromContiguous(r, Sizes);
        }

        /// <summary>True where the element is NaN.</summary>
        public Tensor isnan() => ne(this);

        /// <summary>True where the element is neither infinite nor NaN.</summary>
        public Tensor isfinite()
        {
            if (dtype != ScalarType.Float32) return CompareKernel(this, this, CompareOp.Eq);
            ReadOnlySpan<float> x = ReadSpan<float>();
            var r = new bool[x.Length];
            for (int i = 0; i < r.Length; i++) r[i] = float.IsFinite(x[i]);
            return FromContiguous(r, Sizes);
        }

        /// <summary>
        /// |this - other| &lt;= atol + rtol * |other| everywhere (broadcasting), as PyTorch's allclose.
        /// </summary>
        public bool allclose(Tensor other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false)
        {
            long[] shape = BroadcastShapes(Sizes, other.Sizes);
            ReadOnlySpan<float> x = ReadFloatsAs(shape), y = other.ReadFloatsAs(shape);
            for (int i = 0; i < x.Length; i++)
            {
                double a = x[i], b = y[i];
                if (double.IsNaN(a) || double.IsNaN(b))
                {
                    if (equal_nan && double.IsNaN(a) && double.IsNaN(b)) continue;
                    return false;
                }
                if (a == b) continue;
                if (!(Math.Abs(a - b) <= atol + rtol * Math.Abs(b))) return false;
            }
            return true;
        }

        /// <summary>
        /// True when both tensors have the same shape and elements: PyTorch's <c>torch.equal</c>.
        /// (TorchSharp's <c>Tensor.equal</c> returns an elementwise tensor instead; use <see cref="eq(Tensor)"/> for that.)
        /// </summary>
        public bool equal(Tensor other)
        {
            if (!Sizes.AsSpan().SequenceEqual(other.Sizes)) return false;
            if (dtype == ScalarType.Bool && other.dtype == ScalarType.Bool)
                return ReadSpan<bool>().SequenceEqual(other.ReadSpan<bool>());
            ReadOnlySpan<bool> same = eq(other).ReadSpan<bool>();
            return !same.Contains(false);
        }
    }

    /// <summary>Whether two tensors are elementwise close (bool).</summary>
    public static bool allclose(Tensor input, Tensor other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) =>
        input.allclose(other, rtol, atol, equal_nan);

    /// <summary>PyTorch's torch.equal: same shape and same elements (bool).</summary>
    public static bool equal(Tensor input, Tensor other) => input.equal(other);

    /// <summary>Elementwise == (Bool tensor).</summary>
    public static Tensor eq(Tensor input, Tensor other) => input.eq(other);
    /// <summary>Elementwise != (Bool tensor).</summary>
    public static Tensor ne(Tensor input, Tensor other) => input.ne(other);
    /// <summary>Elementwise &lt; (Bool tensor).</summary>
    public static Tensor lt(Tensor input, Tensor other) => input.lt(other);
    /// <summary>Elementwise &lt;= (Bool tensor).</summary>
    public static Tensor le(Tensor input, Tensor other) => input.le(other);
    /// <summary>Elementwise &gt; (Bool tensor).</summary>
    public static Tensor gt(Tensor input, Tensor other) => input.gt(other);
    /// <summary>Elementwise &gt;= (Bool tensor).</summary>
    public static Tensor ge(Tensor input, Tensor other) => input.ge(other);
}
