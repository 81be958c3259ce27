using System.Buffers.Binary;

namespace RnnLab.Torch.Serialization;

/// <summary>Turns one validated entry's little-endian bytes into a tensor of this engine's dtypes.</summary>
internal static class SafetensorsTensorDecoder
{
    /// <param name="file">The whole file.</param>
    /// <param name="start">Where this tensor's bytes begin in <paramref name="file"/>.</param>
    internal static torch.Tensor Decode(SafetensorsEntry entry, byte[] file, int start, string source)
    {
        if (entry.ElementCount > Array.MaxLength)
            throw SafetensorsHeaderReader.Corrupt(source, $"tensor '{entry.Name}' has {entry.ElementCount} elements, more than one managed array can hold");
        int count = (int)entry.ElementCount;
        int size = entry.DType.Size;
        switch (entry.DType.Name)
        {
            case "F32":
                return torch.Tensor.FromContiguous(Floats(count, i => BinaryPrimitives.ReadSingleLittleEndian(file.AsSpan(start + i * size))), entry.Shape);
            case "F16":
                return torch.Tensor.FromContiguous(Floats(count, i => (float)BinaryPrimitives.ReadHalfLittleEndian(file.AsSpan(start + i * size))), entry.Shape);
            case "BF16":
                // bfloat16 is the top half of a float32, so widening is a shift.
                return torch.Tensor.FromContiguous(Floats(count, i => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(start + i * size)) << 16)), entry.Shape);
            case "I64":
                return torch.Tensor.FromContiguous(Longs(count, i => BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(start + i * size))), entry.Shape);
            case "I32":
                return torch.Tensor.FromContiguous(Longs(count, i => BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(start + i * size))), entry.Shape);
            case "U32":
                return torch.Tensor.FromContiguous(Longs(count, i => BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(start + i * size))), entry.Shape);
            case "I16":
                return torch.Tensor.FromContiguous(Longs(count, i => BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(start + i * size))), entry.Shape);
            case "U16":
                return torch.Tensor.FromContiguous(Longs(count, i => BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(start + i * size))), entry.Shape);
            case "I8":
                return torch.Tensor.FromContiguous(Longs(count, i => (sbyte)file[start + i]), entry.Shape);
            case "U8":
                return torch.Tensor.FromContiguous(Longs(count, i => file[start + i]), entry.Shape);
            case "BOOL":
                var flags = new bool[count];
                for (int i = 0; i < count; i++)
                {
                    flags[i] = file[start + i] switch
                    {
                        0 => false,
                        1 => true,
                        byte other => throw SafetensorsHeaderReader.Corrupt(source, $"BOOL tensor '{entry.Name}' holds byte {other} at element {i}; booleans are stored as 0 or 1"),
                    };
                }
                return torch.Tensor.FromContiguous(flags, entry.Shape);
            default:
                throw new NotSupportedException(
                    $"{source}: tensor '{entry.Name}' is {entry.DType.Name}, which RnnLab.Torch cannot hold without loss " +
                    "(it computes in float32, int64 and bool); convert it in PyTorch first, e.g. tensor.float() or tensor.long()");
        }
    }

    private delegate T ElementReader<T>(int index);

    private static float[] Floats(int count, ElementReader<float> read)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = read(i);
        return values;
    }

    private static long[] Longs(int count, ElementReader<long> read)
    {
        var values = new long[count];
        for (int i = 0; i < count; i++) values[i] = read(i);
        return values;
    }
}
