namespace RnnLab.Torch;

public static partial class torch
{
    /// <summary>Element types, numbered as in TorchSharp (and ATen) so saved codes line up.</summary>
    /// <remarks>The engine computes in Float32, Int64 and Bool; the other names exist so code that
    /// mentions them compiles and fails with a clear message instead of a missing symbol.</remarks>
    public enum ScalarType : sbyte
    {
        Byte = 0, Int8 = 1, Int16 = 2, Int32 = 3, Int64 = 4, Float16 = 5, Float32 = 6, Float64 = 7,
        ComplexFloat32 = 9, ComplexFloat64 = 10, Bool = 11, BFloat16 = 15,
    }

    /// <summary>32-bit float: the default dtype.</summary>
    public static readonly ScalarType float32 = ScalarType.Float32;
    /// <summary>Alias of <see cref="float32"/>, as torch.float.</summary>
    public static readonly ScalarType @float = ScalarType.Float32;
    /// <summary>64-bit integer: indices and class labels.</summary>
    public static readonly ScalarType int64 = ScalarType.Int64;
    /// <summary>Alias of <see cref="int64"/>, as torch.long.</summary>
    public static readonly ScalarType @long = ScalarType.Int64;
    /// <summary>Booleans: masks and comparison results.</summary>
    public static readonly ScalarType @bool = ScalarType.Bool;
}
