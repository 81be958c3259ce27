namespace RnnLab.Torch.Serialization;

/// <summary>One tensor's header record: name, dtype, shape and byte range within the data section.</summary>
internal sealed record SafetensorsEntry(string Name, SafetensorsDType DType, long[] Shape, long Begin, long End)
{
    internal long ElementCount => Shape.Aggregate(1L, (count, dim) => count * dim);
}
