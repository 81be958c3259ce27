using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace RnnLab.Torch.Serialization;

/// <summary>
/// Writes the byte layout the reference implementation writes: tensors ordered by descending
/// dtype rank then by name (UTF-8 byte order), compact JSON with "__metadata__" first (its keys
/// sorted, for reproducible files), the header padded with spaces to a multiple of 8, then the
/// little-endian data back to back. Same tensors, same bytes.
/// </summary>
internal static class SafetensorsWriter
{
    private const int HeaderAlignment = 8;

    internal static void Write(Stream destination, IEnumerable<KeyValuePair<string, torch.Tensor>> tensors, IEnumerable<KeyValuePair<string, string>>? metadata)
    {
        var named = new List<(string name, byte[] utf8Name, torch.Tensor tensor, SafetensorsDType dtype)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string name, torch.Tensor tensor) in tensors)
        {
            ArgumentNullException.ThrowIfNull(name);
            ArgumentNullException.ThrowIfNull(tensor, $"tensors[\"{name}\"]");
            if (name == SafetensorsHeaderReader.MetadataKey)
                throw new ArgumentException($"'{SafetensorsHeaderReader.MetadataKey}' is reserved for metadata and cannot name a tensor");
            if (!names.Add(name)) throw new ArgumentException($"two tensors are named '{name}'");
            named.Add((name, Encoding.UTF8.GetBytes(name), tensor, SafetensorsDType.For(tensor.dtype)));
        }
        named.Sort((a, b) => a.dtype.Rank != b.dtype.Rank
            ? b.dtype.Rank.CompareTo(a.dtype.Rank)
            : a.utf8Name.AsSpan().SequenceCompareTo(b.utf8Name));

        var json = new StringBuilder("{");
        // Like the reference writer: metadata given (even empty) is written, absent metadata is not.
        if (metadata is not null)
        {
            List<KeyValuePair<string, string>> pairs = metadata.ToList();
            foreach ((string key, string value) in pairs)
            {
                if (key is null) throw new ArgumentException("metadata has a null key");
                if (value is null) throw new ArgumentException($"metadata value of '{key}' is null");
            }
            pairs.Sort((a, b) => Encoding.UTF8.GetBytes(a.Key).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b.Key)));
            if (pairs.Select(p => p.Key).Distinct(StringComparer.Ordinal).Count() != pairs.Count)
                throw new ArgumentException("metadata has a duplicate key");
            json.Append("\"__metadata__\":{");
            for (int i = 0; i < pairs.Count; i++)
            {
                if (i > 0) json.Append(',');
                AppendString(json, pairs[i].Key);
                json.Append(':');
                AppendString(json, pairs[i].Value);
            }
            json.Append('}');
        }
        long offset = 0;
        foreach ((string name, _, torch.Tensor tensor, SafetensorsDType dtype) in named)
        {
            if (json.Length > 1) json.Append(',');
            long bytes = tensor.numel() * dtype.Size;
            AppendString(json, name);
            json.Append(":{\"dtype\":\"").Append(dtype.Name).Append("\",\"shape\":[")
                .AppendJoin(',', tensor.shape.Select(d => d.ToString(CultureInfo.InvariantCulture)))
                .Append("],\"data_offsets\":[").Append(offset.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append((offset + bytes).ToString(CultureInfo.InvariantCulture)).Append("]}");
            offset += bytes;
        }
        json.Append('}');

        byte[] header = Encoding.UTF8.GetBytes(json.ToString());
        int padding = (HeaderAlignment - header.Length % HeaderAlignment) % HeaderAlignment;
        Span<byte> length = stackalloc byte[SafetensorsHeaderReader.LengthPrefixSize];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)(header.Length + padding));
        destination.Write(length);
        destination.Write(header);
        for (int i = 0; i < padding; i++) destination.WriteByte((byte)' ');
        foreach ((_, _, torch.Tensor tensor, _) in named) WriteData(destination, tensor);
    }

    /// <summary>Elements in row-major logical order (views are gathered), little-endian.</summary>
    private static void WriteData(Stream destination, torch.Tensor tensor)
    {
        switch (tensor.dtype)
        {
            case torch.ScalarType.Float32:
                float[] floats = tensor.ToArray<float>();
                var floatBytes = new byte[floats.Length * sizeof(float)];
                for (int i = 0; i < floats.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(floatBytes.AsSpan(i * sizeof(float)), floats[i]);
                destination.Write(floatBytes);
                break;
            case torch.ScalarType.Int64:
                long[] longs = tensor.ToArray<long>();
                var longBytes = new byte[longs.Length * sizeof(long)];
                for (int i = 0; i < longs.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(longBytes.AsSpan(i * sizeof(long)), longs[i]);
                destination.Write(longBytes);
                break;
            case torch.ScalarType.Bool:
                destination.Write(tensor.ToArray<bool>().Select(b => b ? (byte)1 : (byte)0).ToArray());
                break;
            default:
                throw new NotSupportedException($"safetensors: cannot save a tensor of dtype {torch.Tensor.DTypeName(tensor.dtype)}");
        }
    }

    /// <summary>A JSON string escaped as serde_json escapes it (quote, backslash, control characters; UTF-8 kept).</summary>
    private static void AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                default:
                    if (c < 0x20) json.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else json.Append(c);
                    break;
            }
        }
        json.Append('"');
    }
}
