using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace RnnLab.Torch.Serialization;

/// <summary>
/// Parses and validates a safetensors header the way the reference implementation does: a
/// little-endian u64 length, at most 100 MB of UTF-8 JSON starting with '{', and tensor byte
/// ranges that tile the data section exactly (sorted by offset, no gaps, no overlaps, sizes
/// matching dtype × shape, nothing after the last tensor). Every failure names what is wrong.
/// </summary>
internal static class SafetensorsHeaderReader
{
    internal const int LengthPrefixSize = 8;
    internal const long MaxHeaderSize = 100_000_000;
    internal const string MetadataKey = "__metadata__";

    internal sealed record Header(IReadOnlyList<SafetensorsEntry> Entries, Dictionary<string, string> Metadata, int DataStart);

    internal static Header Read(ReadOnlySpan<byte> file, string source)
    {
        if (file.Length < LengthPrefixSize)
            throw Corrupt(source, $"the file has {file.Length} bytes, fewer than the 8-byte header length");
        ulong declared = BinaryPrimitives.ReadUInt64LittleEndian(file);
        if (declared > MaxHeaderSize)
            throw Corrupt(source, $"the header length {declared} exceeds the 100 MB limit (is this a safetensors file?)");
        int headerLength = (int)declared;
        if (LengthPrefixSize + headerLength > file.Length)
            throw Corrupt(source, $"the header claims {headerLength} bytes but only {file.Length - LengthPrefixSize} follow the length");
        ReadOnlySpan<byte> headerBytes = file.Slice(LengthPrefixSize, headerLength);

        string json;
        try { json = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(headerBytes); }
        catch (DecoderFallbackException) { throw Corrupt(source, "the header is not valid UTF-8"); }
        if (!json.StartsWith('{'))
            throw Corrupt(source, "the header does not start with '{'");

        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException e) { throw Corrupt(source, $"the header is not valid JSON ({e.Message})"); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw Corrupt(source, "the header is not a JSON object");
            var metadata = new Dictionary<string, string>();
            var entries = new List<SafetensorsEntry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                    throw Corrupt(source, $"the header lists '{property.Name}' twice");
                if (property.Name == MetadataKey) ReadMetadata(property.Value, metadata, source);
                else entries.Add(ReadEntry(property.Name, property.Value, source));
            }
            entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
            long dataLength = ValidateTiling(entries, source);
            long expectedFileLength = LengthPrefixSize + headerLength + dataLength;
            if (expectedFileLength != file.Length)
                throw Corrupt(source, expectedFileLength < file.Length
                    ? $"{file.Length - expectedFileLength} bytes follow the last tensor's data"
                    : $"the file is truncated: tensors need {expectedFileLength} bytes, the file has {file.Length}");
            return new Header(entries, metadata, LengthPrefixSize + headerLength);
        }
    }

    private static void ReadMetadata(JsonElement element, Dictionary<string, string> metadata, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw Corrupt(source, "__metadata__ must be an object of strings");
        foreach (JsonProperty pair in element.EnumerateObject())
        {
            if (pair.Value.ValueKind != JsonValueKind.String)
                throw Corrupt(source, $"__metadata__ value '{pair.Name}' is a {pair.Value.ValueKind}, but metadata values must be strings");
            if (!metadata.TryAdd(pair.Name, pair.Value.GetString()!))
                throw Corrupt(source, $"__metadata__ lists '{pair.Name}' twice");
        }
    }

    private static SafetensorsEntry ReadEntry(string name, JsonElement element, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw Corrupt(source, $"tensor '{name}': expected an object with dtype, shape and data_offsets");
        string dtypeName = element.TryGetProperty("dtype", out JsonElement d) && d.ValueKind == JsonValueKind.String
            ? d.GetString()! : throw Corrupt(source, $"tensor '{name}': missing or non-string dtype");
        SafetensorsDType dtype = SafetensorsDType.TryParse(dtypeName)
            ?? throw Corrupt(source, $"tensor '{name}': unknown dtype '{dtypeName}'");
        long[] shape = ReadNonNegativeIntegers(element, "shape", name, source);
        long[] offsets = ReadNonNegativeIntegers(element, "data_offsets", name, source);
        if (offsets.Length != 2)
            throw Corrupt(source, $"tensor '{name}': data_offsets must be [begin, end], got {offsets.Length} numbers");
        return new SafetensorsEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static long[] ReadNonNegativeIntegers(JsonElement element, string key, string name, string source)
    {
        if (!element.TryGetProperty(key, out JsonElement array) || array.ValueKind != JsonValueKind.Array)
            throw Corrupt(source, $"tensor '{name}': missing {key} array");
        var values = new long[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out long value) || value < 0)
                throw Corrupt(source, $"tensor '{name}': {key} must hold non-negative integers, found {item.GetRawText()}");
            values[i++] = value;
        }
        return values;
    }

    /// <summary>Checks that the sorted byte ranges tile [0, end) and match dtype × shape; returns end.</summary>
    private static long ValidateTiling(List<SafetensorsEntry> entries, string source)
    {
        long position = 0;
        foreach (SafetensorsEntry entry in entries)
        {
            if (entry.Begin != position || entry.End < entry.Begin)
                throw Corrupt(source, entry.Begin > position
                    ? $"tensor '{entry.Name}': data_offsets [{entry.Begin}, {entry.End}] leave a gap after byte {position}"
                    : $"tensor '{entry.Name}': data_offsets [{entry.Begin}, {entry.End}] overlap the previous tensor or run backwards (expected to start at {position})");
            long bytes;
            try { bytes = checked(entry.Shape.Aggregate(1L, (count, dim) => count * dim) * entry.DType.Size); }
            catch (OverflowException) { throw Corrupt(source, $"tensor '{entry.Name}': shape [{string.Join(", ", entry.Shape)}] overflows"); }
            if (entry.End - entry.Begin != bytes)
                throw Corrupt(source,
                    $"tensor '{entry.Name}': {entry.DType.Name} shape [{string.Join(", ", entry.Shape)}] needs {bytes} bytes but data_offsets [{entry.Begin}, {entry.End}] hold {entry.End - entry.Begin}");
            position = entry.End;
        }
        return position;
    }

    internal static InvalidDataException Corrupt(string source, string problem) =>
        new($"{source} is not a valid safetensors file: {problem}");
}
