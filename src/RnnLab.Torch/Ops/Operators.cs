namespace RnnLab.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        public static Tensor operator +(Tensor a, Tensor b) => a.add(b);
        public static Tensor operator +(Tensor a, long b) => a.add(b);
        public static Tensor operator +(long a, Tensor b) => b.add(a);
        public static Tensor operator +(Tensor a, double b) => a.add(b);
        public static Tensor operator +(double a, Tensor b) => b.add(a);

        public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);
        public static Tensor operator -(Tensor a, long b) => a.sub(b);
        public static Tensor operator -(long a, Tensor b) => b.RSub(Scalar(a));
        public static Tensor operator -(Tensor a, double b) => a.sub(b);
        public static Tensor operator -(double a, Tensor b) => b.RSub(Scalar(a));
        public static Tensor operator -(Tensor a) => a.neg();

        public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);
        public static Tensor operator *(Tensor a, long b) => a.mul(b);
        public static Tensor operator *(long a, Tensor b) => b.mul(a);
        public static Tensor operator *(Tensor a, double b) => a.mul(b);
        public static Tensor operator *(double a, Tensor b) => b.mul(a);

        public static Tensor operator /(Tensor a, Tensor b) => a.div(b);
        public static Tensor operator /(Tensor a, double b) => a.div(b);
        public static Tensor operator /(double a, Tensor b) => b.RDiv(Scalar(a));

        /// <summary>Elementwise ==, a Bool tensor (as in TorchSharp). Use <c>is null</c> for null checks.</summary>
        public static Tensor operator ==(Tensor a, Tensor b) => a.eq(b);
        public static Tensor operator !=(Tensor a, Tensor b) => a.ne(b);
        public static Tensor operator ==(Tensor a, double b) => a.eq(b);
        public static Tensor operator !=(Tensor a, double b) => a.ne(b);
        public static Tensor operator <(Tensor a, Tensor b) => a.lt(b);
        public static Tensor operator <=(Tensor a, Tensor b) => a.le(b);
        public static Tensor operator >(Tensor a, Tensor b) => a.gt(b);
        public static Tensor operator >=(Tensor a, Tensor b) => a.ge(b);
        public static Tensor operator <(Tensor a, double b) => a.lt(b);
        public static Tensor operator <=(Tensor a, double b) => a.le(b);
        public static Tensor operator >(Tensor a, double b) => a.gt(b);
        public static Tensor operator >=(Tensor a, double b) => a.ge(b);

        /// <summary>Logical and of Bool tensors.</summary>
        public static Tensor operator &(Tensor a, Tensor b) => a.logical_and(b);
        /// <summary>Logical or of Bool tensors.</summary>
        public static Tensor operator |(Tensor a, Tensor b) => a.logical_or(b);
        /// <summary>Logical not of a Bool tensor.</summary>
        public static Tensor operator ~(Tensor a) => a.logical_not();

        /// <summary>A 0-d float32 tensor, so <c>t[0, 0] = 3.5f</c> works as in TorchSharp.</summary>
        public static implicit operator Tensor(float value) => FromContiguous([value], []);
        /// <summary>A 0-d float32 tensor (float32 is this engine's only floating dtype).</summary>
        public static implicit operator Tensor(double value) => FromContiguous([(float)value], []);
        /// <summary>A 0-d int64 tensor.</summary>
        public static implicit operator Tensor(long value) => FromContiguous([value], []);
        /// <summary>A 0-d int64 tensor (int32 is stored as int64 here).</summary>
        public static implicit operator Tensor(int value) => FromContiguous([(long)value], []);
        /// <summary>A 0-d bool tensor.</summary>
        public static implicit operator Tensor(bool value) => FromContiguous([value], []);

        /// <summary>Reference identity: tensors are objects; use <see cref="equal"/> for value equality.</summary>
        public override bool Equals(object? obj) => ReferenceEquals(this, obj);

        /// <summary>Identity hash, consistent with <see cref="Equals(object?)"/>.</summary>
        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
    }
}
