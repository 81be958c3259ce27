using System.Globalization;
using static System.FormattableString;
using static TorchSharp.torch;

namespace RnnLab.Display;

/// <summary>How PyTorch spells TorchSharp's dtypes and shapes in printed text.</summary>
internal static class TorchNames
{
    /// <summary>str(dtype): torch.float32, torch.int64, ...</summary>
    public static string DType(ScalarType type) => type switch
    {
        ScalarType.Byte => "torch.uint8",
        ScalarType.Int8 => "torch.int8",
        ScalarType.Int16 => "torch.int16",
        ScalarType.Int32 => "torch.int32",
        ScalarType.Int64 => "torch.int64",
        ScalarType.Float16 => "torch.float16",
        ScalarType.BFloat16 => "torch.bfloat16",
        ScalarType.Float32 => "torch.float32",
        ScalarType.Float64 => "torch.float64",
        ScalarType.Bool => "torch.bool",
        ScalarType.ComplexFloat32 => "torch.complex64",
        ScalarType.ComplexFloat64 => "torch.complex128",
        ScalarType.QInt8 => "torch.qint8",
        ScalarType.QUInt8 => "torch.quint8",
        ScalarType.QInt32 => "torch.qint32",
        _ => type.ToString(),
    };

    /// <summary>str(tuple(shape)): (2, 3), (5,) or ().</summary>
    public static string Shape(IReadOnlyList<long> shape) =>
        shape.Count == 1 ? Invariant($"({shape[0]},)") : "(" + string.Join(", ", shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + ")";
}
