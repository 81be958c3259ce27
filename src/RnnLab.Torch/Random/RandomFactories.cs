namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>Uniform samples in [0, 1): <c>torch.rand(2, 3)</c>.</summary>
    public static Tensor rand(params long[] size) => rand(size, dtype: null);

    /// <summary>Uniform samples in [0, 1) with options; same values as PyTorch for the same seed.</summary>
    public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        NewFloatForSampling(size, dtype, device, nameof(rand)).uniform_(0, 1, generator).requires_grad_(requires_grad);

    /// <summary>A 1-D tensor of uniform samples.</summary>
    public static Tensor rand(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        rand([size], dtype, device, requires_grad, generator);

    /// <summary>A matrix of uniform samples.</summary>
    public static Tensor rand(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        rand([rows, columns], dtype, device, requires_grad, generator);

    /// <summary>A 3-D tensor of uniform samples.</summary>
    public static Tensor rand(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        rand([dim0, dim1, dim2], dtype, device, requires_grad, generator);

    /// <summary>Standard normal samples: <c>torch.randn(5, 3, 10)</c>.</summary>
    public static Tensor randn(params long[] size) => randn(size, dtype: null);

    /// <summary>Standard normal samples with options; same values as PyTorch for the same seed.</summary>
    public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        NewFloatForSampling(size, dtype, device, nameof(randn)).normal_(0, 1, generator).requires_grad_(requires_grad);

    /// <summary>A 1-D tensor of standard normal samples.</summary>
    public static Tensor randn(long size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randn([size], dtype, device, requires_grad, generator);

    /// <summary>A matrix of standard normal samples.</summary>
    public static Tensor randn(long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randn([rows, columns], dtype, device, requires_grad, generator);

    /// <summary>A 3-D tensor of standard normal samples.</summary>
    public static Tensor randn(long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randn([dim0, dim1, dim2], dtype, device, requires_grad, generator);

    /// <summary>Samples from N(mean, std²) of the given shape, as <c>torch.normal(mean, std, size)</c>.</summary>
    public static Tensor normal(double mean, double std, long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        NewFloatForSampling(size, dtype, device, nameof(normal)).normal_(mean, std, generator).requires_grad_(requires_grad);

    /// <summary>Uniform samples shaped like <paramref name="input"/>.</summary>
    public static Tensor rand_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        rand(input.shape, dtype ?? input.dtype, device, requires_grad);

    /// <summary>Standard normal samples shaped like <paramref name="input"/>.</summary>
    public static Tensor randn_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        randn(input.shape, dtype ?? input.dtype, device, requires_grad);

    /// <summary>An uninitialised-in-spirit (zeroed) contiguous float32 tensor for a sampler to fill.</summary>
    private static Tensor NewFloatForSampling(long[] size, ScalarType? dtype, Device? device, string factory)
    {
        (device ?? Device.CPU).EnsureCpu();
        ScalarType type = dtype ?? ScalarType.Float32;
        if (type != ScalarType.Float32)
            throw new NotSupportedException($"{factory}: only float32 is supported for sampled floating tensors, got {Tensor.DTypeName(type)}");
        return Tensor.FromContiguous(new float[ElementCountForSampling(size)], size);
    }

    /// <summary>Element count of a requested shape, rejecting negative dims as PyTorch does.</summary>
    internal static int ElementCountForSampling(ReadOnlySpan<long> size)
    {
        long count = 1;
        foreach (long dim in size)
        {
            if (dim < 0)
                throw new ArgumentException($"Trying to create tensor with negative dimension {dim}: {Tensor.ShapeString(size)}");
            count = checked(count * dim);
        }
        if (count > Array.MaxLength)
            throw new ArgumentException($"a tensor of shape {Tensor.ShapeString(size)} has {count} elements, more than one managed array can hold");
        return (int)count;
    }
}
