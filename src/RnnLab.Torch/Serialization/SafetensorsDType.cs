namespace RnnLab.Torch.Serialization;

/// <summary>
/// A safetensors element type: its header name, size in bytes, and its rank in the reference
/// implementation's enum (files list larger-alignment dtypes first, so writers need the order).
/// </summary>
internal sealed record SafetensorsDType(string Name, int Size, int Rank)
{
    // Declaration order of the reference (Rust) Dtype enum: BOOL < U8 < ... < U64.
    private static readonly SafetensorsDType[] All =
    [
        new("BOOL", 1, 0), new("U8", 1, 1), new("I8", 1, 2), new("F8_E5M2", 1, 3), new("F8_E4M3", 1, 4),
        new("I16", 2, 5), new("U16", 2, 6), new("F16", 2, 7), new("BF16", 2, 8), new("I32", 4, 9),
        new("U32", 4, 10), new("F32", 4, 11), new("F64", 8, 12), new("I64", 8, 13), new("U64", 8, 14),
    ];

    internal static readonly SafetensorsDType Bool = Parse("BOOL");
    internal static readonly SafetensorsDType F32 = Parse("F32");
    internal static readonly SafetensorsDType I64 = Parse("I64");

    /// <summary>The dtype named in a header, or null when the name is unknown.</summary>
    internal static SafetensorsDType? TryParse(string name) => Array.Find(All, d => d.Name == name);

    private static SafetensorsDType Parse(string name) => TryParse(name) ?? throw new InvalidOperationException(name);

    /// <summary>The file dtype of one of this engine's tensor dtypes.</summary>
    internal static SafetensorsDType For(torch.ScalarType type) => type switch
    {
        torch.ScalarType.Float32 => F32,
        torch.ScalarType.Int64 => I64,
        torch.ScalarType.Bool => Bool,
        _ => throw new NotSupportedException($"safetensors: cannot save a tensor of dtype {torch.Tensor.DTypeName(type)}"),
    };

    /// <summary>
    /// The engine dtype a stored dtype loads as: exact types as themselves, narrower floats
    /// (F16, BF16) as float32 and narrower integers as int64, both without loss. Null when no
    /// lossless mapping exists (F64, U64, FP8).
    /// </summary>
    internal torch.ScalarType? LoadsAs => Name switch
    {
        "F32" or "F16" or "BF16" => torch.ScalarType.Float32,
        "I64" or "I32" or "U32" or "I16" or "U16" or "I8" or "U8" => torch.ScalarType.Int64,
        "BOOL" => torch.ScalarType.Bool,
        _ => null,
    };
}
