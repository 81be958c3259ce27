using RnnLab.Torch.Autograd;

namespace RnnLab.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>This tensor in another dtype (a copy), or itself when the dtype already matches.</summary>
        /// <remarks>Float to integer truncates toward zero; anything to bool is "!= 0", as in PyTorch.</remarks>
        public Tensor to(ScalarType type, bool copy = false)
        {
            if (type == dtype) return copy ? clone() : this;
            int n = (int)numel();
            Tensor result;
            switch (type)
            {
                case ScalarType.Float32:
                {
                    var data = new float[n];
                    if (dtype == ScalarType.Int64) { ReadOnlySpan<long> s = ReadSpan<long>(); for (int i = 0; i < n; i++) data[i] = s[i]; }
                    else if (dtype == ScalarType.Bool) { ReadOnlySpan<bool> s = ReadSpan<bool>(); for (int i = 0; i < n; i++) data[i] = s[i] ? 1f : 0f; }
                    else throw UnsupportedDType(dtype);
                    result = FromContiguous(data, Sizes);
                    break;
                }
                case ScalarType.Int64:
                {
                    var data = new long[n];
                    if (dtype == ScalarType.Float32) { ReadOnlySpan<float> s = ReadSpan<float>(); for (int i = 0; i < n; i++) data[i] = (long)s[i]; }
                    else if (dtype == ScalarType.Bool) { ReadOnlySpan<bool> s = ReadSpan<bool>(); for (int i = 0; i < n; i++) data[i] = s[i] ? 1 : 0; }
                    else throw UnsupportedDType(dtype);
                    result = FromContiguous(data, Sizes);
                    break;
                }
                case ScalarType.Bool:
                {
                    var data = new bool[n];
                    if (dtype == ScalarType.Float32) { ReadOnlySpan<float> s = ReadSpan<float>(); for (int i = 0; i < n; i++) data[i] = s[i] != 0f; }
                    else if (dtype == ScalarType.Int64) { ReadOnlySpan<long> s = ReadSpan<long>(); for (int i = 0; i < n; i++) data[i] = s[i] != 0; }
                    else throw UnsupportedDType(dtype);
                    result = FromContiguous(data, Sizes);
                    break;
                }
                default:
                    throw UnsupportedDType(type);
            }
            return result;
        }

        /// <summary>Moves to a device: only the CPU exists, so this returns the tensor itself.</summary>
        public Tensor to(Device device, bool copy = false)
        {
            device.EnsureCpu();
            return copy ? clone() : this;
        }

        /// <summary>Moves to a device given by name ("cpu").</summary>
        public Tensor to(string device, bool copy = false) => to((Device)device, copy);

        /// <summary>Converts dtype and moves to a device.</summary>
        public Tensor to(ScalarType type, Device device, bool copy = false)
        {
            device.EnsureCpu();
            return to(type, copy);
        }

        /// <summary>Same dtype as <paramref name="other"/>.</summary>
        public Tensor type_as(Tensor other) => to(other.dtype);

        /// <summary>The tensor on the CPU (itself).</summary>
        public Tensor cpu() => this;

        /// <summary>As float32.</summary>
        public Tensor @float() => to(ScalarType.Float32);

        /// <summary>As int64.</summary>
        public Tensor @long() => to(ScalarType.Int64);

        /// <summary>As bool.</summary>
        public Tensor @bool() => to(ScalarType.Bool);

        /// <summary>The single element as a number. <typeparamref name="T"/> must match the dtype exactly, as in TorchSharp.</summary>
        public T item<T>() where T : unmanaged
        {
            if (numel() != 1)
                throw new ArgumentException($"a Tensor with {numel()} elements cannot be converted to Scalar");
            CheckElementType<T>();
            return ReadSpan<T>()[0];
        }

        /// <summary>Element access and copying out; <typeparamref name="T"/> must match the dtype exactly.</summary>
        public TensorAccessor<T> data<T>() where T : unmanaged
        {
            CheckElementType<T>();
            return new TensorAccessor<T>(this);
        }

        private void CheckElementType<T>()
        {
            Type expected = dtype switch
            {
                ScalarType.Float32 => typeof(float),
                ScalarType.Int64 => typeof(long),
                ScalarType.Bool => typeof(bool),
                _ => throw UnsupportedDType(dtype),
            };
            if (typeof(T) != expected)
                throw new ArgumentException(
                    $"{typeof(T).Name} is not compatible with {DTypeName(dtype)}: use item<{expected.Name}>() / data<{expected.Name}>() or convert the tensor first");
        }

        /// <summary>Explicit conversion of a one-element tensor to a number, as in TorchSharp.</summary>
        public static explicit operator float(Tensor t) => t.dtype == ScalarType.Float32 ? t.item<float>() : t.to(ScalarType.Float32).item<float>();

        /// <summary>Explicit conversion of a one-element tensor to a number, as in TorchSharp.</summary>
        public static explicit operator long(Tensor t) => t.dtype == ScalarType.Int64 ? t.item<long>() : t.to(ScalarType.Int64).item<long>();

        /// <summary>Explicit conversion of a one-element tensor to a bool.</summary>
        public static explicit operator bool(Tensor t) => t.dtype == ScalarType.Bool ? t.item<bool>() : t.to(ScalarType.Bool).item<bool>();

        /// <summary>A one-element float tensor as a float (any numeric dtype).</summary>
        public float ToSingle() => (float)this;

        /// <summary>A one-element tensor as a double.</summary>
        public double ToDouble() => (float)this;

        /// <summary>A one-element tensor as a long.</summary>
        public long ToInt64() => (long)this;

        /// <summary>A one-element tensor as an int.</summary>
        public int ToInt32() => checked((int)(long)this);

        /// <summary>A one-element tensor as a bool.</summary>
        public bool ToBoolean() => (bool)this;
    }
}
