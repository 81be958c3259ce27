namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>The dtype factories use when none is given.</summary>
    public static ScalarType get_default_dtype() => ScalarType.Float32;

    private static Tensor Finish(Tensor t, ScalarType? dtype, Device? device, bool requires_grad)
    {
        device?.EnsureCpu();
        if (dtype is { } type && type != t.dtype) t = t.to(type);
        if (requires_grad) t.requires_grad = true;
        return t;
    }

    private static long[] CheckShape(ReadOnlySpan<long> size)
    {
        foreach (long s in size)
            if (s < 0) throw new ArgumentException($"Trying to create tensor with negative dimension {s}: {Tensor.ShapeString(size)}");
        return size.ToArray();
    }

    private static Tensor Filled(ReadOnlySpan<long> size, double value, ScalarType? dtype, Device? device, bool requires_grad)
    {
        long[] shape = CheckShape(size);
        ScalarType type = dtype ?? ScalarType.Float32;
        Tensor t = Tensor.Zeros(shape, type);
        if (value != 0)
        {
            switch (t.Storage)
            {
                case float[] f: Array.Fill(f, (float)value); break;
                case long[] l: Array.Fill(l, (long)value); break;
                case bool[] b: Array.Fill(b, true); break;
            }
        }
        return Finish(t, null, device, requires_grad);
    }

    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled(size, 0, dtype, device, requires_grad);
    /// <summary>A 1-D tensor of zeros.</summary>
    public static Tensor zeros(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled([size], 0, dtype, device, requires_grad);
    /// <summary>A 2-D tensor of zeros.</summary>
    public static Tensor zeros(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled([rows, columns], 0, dtype, device, requires_grad);
    /// <summary>A 3-D tensor of zeros.</summary>
    public static Tensor zeros(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled([dim0, dim1, dim2], 0, dtype, device, requires_grad);
    /// <summary>A 4-D tensor of zeros.</summary>
    public static Tensor zeros(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled([dim0, dim1, dim2, dim3], 0, dtype, device, requires_grad);

    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled(size, 1, dtype, device, requires_grad);
    /// <summary>A 1-D tensor of ones.</summary>
    public static Tensor ones(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled([size], 1, dtype, device, requires_grad);
    /// <summary>A 2-D tensor of ones.</summary>
    public static Tensor ones(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled([rows, columns], 1, dtype, device, requires_grad);
    /// <summary>A 3-D tensor of ones.</summary>
    public static Tensor ones(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled([dim0, dim1, dim2], 1, dtype, device, requires_grad);
    /// <summary>A 4-D tensor of ones.</summary>
    public static Tensor ones(long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled([dim0, dim1, dim2, dim3], 1, dtype, device, requires_grad);

    /// <summary>A tensor filled with <paramref name="value"/>.</summary>
    public static Tensor full(long[] size, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled(size, value, dtype, device, requires_grad);
    /// <summary>A 1-D tensor filled with <paramref name="value"/>.</summary>
    public static Tensor full(long size, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled([size], value, dtype, device, requires_grad);
    /// <summary>A 2-D tensor filled with <paramref name="value"/>.</summary>
    public static Tensor full(long rows, long columns, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled([rows, columns], value, dtype, device, requires_grad);
    /// <summary>A 3-D tensor filled with <paramref name="value"/>.</summary>
    public static Tensor full(long dim0, long dim1, long dim2, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled([dim0, dim1, dim2], value, dtype, device, requires_grad);

    /// <summary>An uninitialised tensor; here it is zero-filled (managed arrays always are).</summary>
    public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled(size, 0, dtype, device, requires_grad);
    /// <summary>A 1-D empty tensor (zero-filled).</summary>
    public static Tensor empty(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled([size], 0, dtype, device, requires_grad);
    /// <summary>A 2-D empty tensor (zero-filled).</summary>
    public static Tensor empty(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled([rows, columns], 0, dtype, device, requires_grad);
    /// <summary>A 3-D empty tensor (zero-filled).</summary>
    public static Tensor empty(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled([dim0, dim1, dim2], 0, dtype, device, requires_grad);

    /// <summary>Zeros shaped (and typed, unless given) like <paramref name="input"/>.</summary>
    public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled(input.Sizes, 0, dtype ?? input.dtype, device, requires_grad);
    /// <summary>Ones shaped like <paramref name="input"/>.</summary>
    public static Tensor ones_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled(input.Sizes, 1, dtype ?? input.dtype, device, requires_grad);
    /// <summary>A constant shaped like <paramref name="input"/>.</summary>
    public static Tensor full_like(Tensor input, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled(input.Sizes, value, dtype ?? input.dtype, device, requires_grad);
    /// <summary>An empty (zero-filled) tensor shaped like <paramref name="input"/>.</summary>
    public static Tensor empty_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => Filled(input.Sizes, 0, dtype ?? input.dtype, device, requires_grad);

    /// <summary>
    /// start, start+step, ... below stop, as float32 by default. As in PyTorch the dtype follows the
    /// arguments' types, not their values: arange(1.0, 8.0) is float32, arange(1, 8) is int64 (the
    /// <see cref="arange(long, long, long, ScalarType?, Device?, bool)"/> overload).
    /// </summary>
    public static Tensor arange(double start, double stop, double step = 1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ArangeOf(start, stop, step, dtype ?? ScalarType.Float32, device, requires_grad);

    /// <summary>start, start+step, ... below stop, as int64 by default (all-integer arguments, as in PyTorch).</summary>
    public static Tensor arange(long start, long stop, long step = 1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ArangeOf(start, stop, step, dtype ?? ScalarType.Int64, device, requires_grad);

    private static Tensor ArangeOf(double start, double stop, double step, ScalarType type, Device? device, bool requires_grad)
    {
        if (step == 0) throw new ArgumentException("step must be nonzero");
        if ((step > 0 && start > stop) || (step < 0 && start < stop))
            throw new ArgumentException("upper bound and larger bound inconsistent with step sign");
        long n = (long)Math.Ceiling((stop - start) / step);
        Tensor t;
        if (type == ScalarType.Int64)
        {
            var data = new long[n];
            for (long i = 0; i < n; i++) data[i] = (long)(start + i * step);
            t = Tensor.FromContiguous(data, [n]);
        }
        else
        {
            var data = new float[n];
            for (long i = 0; i < n; i++) data[i] = (float)(start + i * step);
            t = Tensor.FromContiguous(data, [n]);
            if (type != ScalarType.Float32) t = t.to(type);
        }
        return Finish(t, null, device, requires_grad);
    }

    /// <summary>0, 1, ... below stop, as float32 by default.</summary>
    public static Tensor arange(double stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => arange(0.0, stop, 1.0, dtype, device, requires_grad);

    /// <summary>0, 1, ... below stop, as int64 by default.</summary>
    public static Tensor arange(long stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => arange(0L, stop, 1L, dtype, device, requires_grad);

    /// <summary><paramref name="steps"/> evenly spaced values from start to end inclusive.</summary>
    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        if (steps < 0) throw new ArgumentException("number of steps must be non-negative");
        var data = new float[steps];
        // ATen's AVX2 float kernel, replayed for bit-identical values: float32 step; blocks of two
        // 8-lane vectors whose lane 0 is a fused start + step*idx (or end - step*(steps-idx-1) once
        // idx reaches the halfway point, so both ends are exact) and whose lanes add k*step unfused;
        // the tail of fewer than 16 elements is computed per element, fused.
        const int lanes = 8;
        float first = (float)start, last = (float)end;
        float step = steps > 1 ? (last - first) / (steps - 1) : 0f;
        long half = steps / 2;
        float Fused(long idx) => idx < half ? MathF.FusedMultiplyAdd(step, idx, first) : MathF.FusedMultiplyAdd(-step, steps - idx - 1, last);
        long i = 0;
        for (; i <= steps - 2 * lanes; i += 2 * lanes)
        {
            for (long v = i; v < i + 2 * lanes; v += lanes)
            {
                float lane0 = Fused(v);
                data[v] = lane0;
                for (int k = 1; k < lanes; k++) data[v + k] = lane0 + k * step;
            }
        }
        for (; i < steps; i++) data[i] = Fused(i);
        return Finish(Tensor.FromContiguous(data, [steps]), dtype, device, requires_grad);
    }

    /// <summary>An identity matrix (rows x columns; square by default).</summary>
    public static Tensor eye(long rows, long columns = -1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        if (columns < 0) columns = rows;
        var data = new float[rows * columns];
        for (long i = 0; i < Math.Min(rows, columns); i++) data[i * columns + i] = 1f;
        return Finish(Tensor.FromContiguous(data, [rows, columns]), dtype, device, requires_grad);
    }

    private static Tensor FromData<T>(T[] data, long[] shape, ScalarType? dtype, Device? device, bool requires_grad)
    {
        Tensor t = data switch
        {
            float[] f => Tensor.FromContiguous((float[])f.Clone(), shape),
            long[] l => Tensor.FromContiguous((long[])l.Clone(), shape),
            bool[] b => Tensor.FromContiguous((bool[])b.Clone(), shape),
            int[] i => Tensor.FromContiguous(Array.ConvertAll(i, v => (long)v), shape),
            double[] d => Tensor.FromContiguous(Array.ConvertAll(d, v => (float)v), shape),
            _ => throw new NotSupportedException($"tensors of {typeof(T).Name} are not supported"),
        };
        return Finish(t, dtype, device, requires_grad);
    }

    private static long[] CheckedShape(long length, ReadOnlySpan<long> dimensions)
    {
        long[] shape = CheckShape(dimensions);
        long n = Tensor.ShapeNumel(shape);
        if (n != length)
            throw new ArgumentException($"mismatched total size creating a tensor from an array: {length} elements cannot have shape {Tensor.ShapeString(shape)} ({n} elements)");
        return shape;
    }

    private static T[] Flatten<T>(Array array)
    {
        var result = new T[array.Length];
        int i = 0;
        foreach (T v in array) result[i++] = v;
        return result;
    }

    private static long[] ShapeOf(Array array)
    {
        var shape = new long[array.Rank];
        for (int d = 0; d < shape.Length; d++) shape[d] = array.GetLength(d);
        return shape;
    }

    /// <summary>A 0-d float32 tensor.</summary>
    public static Tensor tensor(float scalar, Device? device = null, bool requires_grad = false) => FromData([scalar], [], null, device, requires_grad);
    /// <summary>A 0-d tensor from a double, stored as float32 (this engine's floating dtype).</summary>
    public static Tensor tensor(double scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData([scalar], [], dtype, device, requires_grad);
    /// <summary>A 0-d int64 tensor.</summary>
    public static Tensor tensor(long scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData([scalar], [], dtype, device, requires_grad);
    /// <summary>A 0-d int64 tensor (TorchSharp gives int32; int32 is stored as int64 here).</summary>
    public static Tensor tensor(int scalar, Device? device = null, bool requires_grad = false) => FromData([(long)scalar], [], null, device, requires_grad);
    /// <summary>A 0-d bool tensor.</summary>
    public static Tensor tensor(bool scalar, Device? device = null, bool requires_grad = false) => FromData([scalar], [], null, device, requires_grad);

    /// <summary>A 1-D float32 tensor (copies the array).</summary>
    public static Tensor tensor(float[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(rawArray, [rawArray.Length], dtype, device, requires_grad);
    /// <summary>A 1-D float32 tensor from doubles.</summary>
    public static Tensor tensor(double[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(rawArray, [rawArray.Length], dtype, device, requires_grad);
    /// <summary>A 1-D int64 tensor.</summary>
    public static Tensor tensor(long[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(rawArray, [rawArray.Length], dtype, device, requires_grad);
    /// <summary>A 1-D int64 tensor from ints.</summary>
    public static Tensor tensor(int[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(rawArray, [rawArray.Length], dtype, device, requires_grad);
    /// <summary>A 1-D bool tensor.</summary>
    public static Tensor tensor(bool[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(rawArray, [rawArray.Length], dtype, device, requires_grad);

    /// <summary>Flat data with a shape; the sizes must multiply to the length.</summary>
    public static Tensor tensor(float[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(rawArray, CheckedShape(rawArray.Length, dimensions), dtype, device, requires_grad);
    /// <summary>Flat data with a shape.</summary>
    public static Tensor tensor(double[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(rawArray, CheckedShape(rawArray.Length, dimensions), dtype, device, requires_grad);
    /// <summary>Flat data with a shape.</summary>
    public static Tensor tensor(long[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(rawArray, CheckedShape(rawArray.Length, dimensions), dtype, device, requires_grad);
    /// <summary>Flat data with a shape.</summary>
    public static Tensor tensor(int[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(rawArray, CheckedShape(rawArray.Length, dimensions), dtype, device, requires_grad);
    /// <summary>Flat data with a shape.</summary>
    public static Tensor tensor(bool[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(rawArray, CheckedShape(rawArray.Length, dimensions), dtype, device, requires_grad);

    /// <summary>Flat data as rows x columns.</summary>
    public static Tensor tensor(IList<float> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(rawArray.ToArray(), CheckedShape(rawArray.Count, [rows, columns]), dtype, device, requires_grad);
    /// <summary>Flat data as dim0 x dim1 x dim2.</summary>
    public static Tensor tensor(IList<float> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(rawArray.ToArray(), CheckedShape(rawArray.Count, [dim0, dim1, dim2]), dtype, device, requires_grad);
    /// <summary>Flat data as rows x columns.</summary>
    public static Tensor tensor(IList<long> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(rawArray.ToArray(), CheckedShape(rawArray.Count, [rows, columns]), dtype, device, requires_grad);

    /// <summary>A 2-D float32 tensor.</summary>
    public static Tensor tensor(float[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(Flatten<float>(rawArray), ShapeOf(rawArray), dtype, device, requires_grad);
    /// <summary>A 3-D float32 tensor.</summary>
    public static Tensor tensor(float[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(Flatten<float>(rawArray), ShapeOf(rawArray), dtype, device, requires_grad);
    /// <summary>A 2-D float32 tensor from doubles.</summary>
    public static Tensor tensor(double[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(Flatten<double>(rawArray), ShapeOf(rawArray), dtype, device, requires_grad);
    /// <summary>A 3-D float32 tensor from doubles.</summary>
    public static Tensor tensor(double[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(Flatten<double>(rawArray), ShapeOf(rawArray), dtype, device, requires_grad);
    /// <summary>A 2-D int64 tensor.</summary>
    public static Tensor tensor(long[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(Flatten<long>(rawArray), ShapeOf(rawArray), dtype, device, requires_grad);
    /// <summary>A 3-D int64 tensor.</summary>
    public static Tensor tensor(long[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(Flatten<long>(rawArray), ShapeOf(rawArray), dtype, device, requires_grad);
    /// <summary>A 2-D int64 tensor from ints.</summary>
    public static Tensor tensor(int[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(Flatten<int>(rawArray), ShapeOf(rawArray), dtype, device, requires_grad);
    /// <summary>A 2-D bool tensor.</summary>
    public static Tensor tensor(bool[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => FromData(Flatten<bool>(rawArray), ShapeOf(rawArray), dtype, device, requires_grad);

    /// <summary>
    /// A tensor over the array's own memory (no copy): writes through either are seen by both, as in
    /// TorchSharp. The shape is the array's rank. 1-D float[]/long[]/bool[] arrays are shared;
    /// multi-dimensional .NET arrays cannot back a managed span, so they are copied.
    /// </summary>
    public static Tensor from_array(Array rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        long[] shape = ShapeOf(rawArray);
        Tensor t = rawArray switch
        {
            float[] f => Tensor.FromContiguous(f, shape),
            long[] l => Tensor.FromContiguous(l, shape),
            bool[] b => Tensor.FromContiguous(b, shape),
            _ when rawArray.GetType().GetElementType() == typeof(float) => Tensor.FromContiguous(Flatten<float>(rawArray), shape),
            _ when rawArray.GetType().GetElementType() == typeof(long) => Tensor.FromContiguous(Flatten<long>(rawArray), shape),
            _ when rawArray.GetType().GetElementType() == typeof(bool) => Tensor.FromContiguous(Flatten<bool>(rawArray), shape),
            _ when rawArray.GetType().GetElementType() == typeof(double) => Tensor.FromContiguous(Array.ConvertAll(Flatten<double>(rawArray), v => (float)v), shape),
            _ when rawArray.GetType().GetElementType() == typeof(int) => Tensor.FromContiguous(Array.ConvertAll(Flatten<int>(rawArray), v => (long)v), shape),
            _ => throw new NotSupportedException($"from_array: arrays of {rawArray.GetType().GetElementType()?.Name} are not supported"),
        };
        return Finish(t, dtype, device, requires_grad);
    }

    /// <summary>Same as <see cref="from_array"/>.</summary>
    public static Tensor as_tensor(Array data, ScalarType? dtype = null, Device? device = null) => from_array(data, dtype, device);
}
