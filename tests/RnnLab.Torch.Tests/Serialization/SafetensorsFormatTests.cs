using System.Buffers.Binary;
using System.Text;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Serialization;

/// <summary>The byte layout of the format, round trips, and clear errors on corrupt files.</summary>
public class SafetensorsFormatTests
{
    private static byte[] Save(Dictionary<string, Tensor> tensors, Dictionary<string, string>? metadata = null)
    {
        using var stream = new MemoryStream();
        safetensors.save(tensors, stream, metadata);
        return stream.ToArray();
    }

    private static Dictionary<string, Tensor> Load(byte[] file) => safetensors.load(new MemoryStream(file));

    /// <summary>A file from a header text (padded here to 8 bytes) and data bytes.</summary>
    private static byte[] File(string header, byte[]? data = null)
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        int padding = (8 - json.Length % 8) % 8;
        var file = new byte[8 + json.Length + padding + (data?.Length ?? 0)];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)(json.Length + padding));
        json.CopyTo(file, 8);
        for (int i = 0; i < padding; i++) file[8 + json.Length + i] = (byte)' ';
        data?.CopyTo(file, 8 + json.Length + padding);
        return file;
    }

    private static byte[] FloatBytes(params float[] values) =>
        values.SelectMany(v => BitConverter.GetBytes(v)).ToArray();

    [Fact]
    public void Layout_matches_the_reference_implementation()
    {
        // The reference implementation's own test vector: one F32 [1, 2, 3] tensor of 0..5 is a
        // 64-byte header (already a multiple of 8) followed by 24 data bytes.
        byte[] file = Save(new() { ["attn.0"] = Tensor.FromContiguous([0f, 1, 2, 3, 4, 5], [1, 2, 3]) });
        byte[] expected = File("{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}", FloatBytes(0, 1, 2, 3, 4, 5));
        Assert.Equal(64UL, BinaryPrimitives.ReadUInt64LittleEndian(expected));
        Assert.Equal(expected, file);
    }

    [Fact]
    public void Headers_are_padded_with_spaces_and_metadata_comes_first()
    {
        byte[] empty = Save([]);
        Assert.Equal([8, 0, 0, 0, 0, 0, 0, 0, (byte)'{', (byte)'}', 32, 32, 32, 32, 32, 32], empty);
        byte[] withMetadata = Save([], new() { ["framework"] = "pt" });
        Assert.Equal(File("{\"__metadata__\":{\"framework\":\"pt\"}}"), withMetadata);
        Assert.Equal(40UL, BinaryPrimitives.ReadUInt64LittleEndian(withMetadata));
    }

    [Fact]
    public void Round_trips_every_dtype_views_and_edge_shapes()
    {
        Tensor matrix = Tensor.FromContiguous([1f, 2, 3, 4, 5, 6], [2, 3]);
        var tensors = new Dictionary<string, Tensor>
        {
            ["w"] = matrix,
            ["w.T"] = new Tensor(matrix.Storage, [3, 2], [1, 3], 0, ScalarType.Float32),
            ["ids"] = Tensor.FromContiguous([long.MinValue, -1, 0, long.MaxValue], [4]),
            ["flags"] = Tensor.FromContiguous([true, false, true], [3, 1]),
            ["scalar"] = Tensor.FromContiguous([42f], []),
            ["nothing"] = Tensor.FromContiguous(Array.Empty<long>(), [0]),
        };
        Dictionary<string, Tensor> loaded = Load(Save(tensors));
        Assert.Equal(tensors.Keys.Order(StringComparer.Ordinal), loaded.Keys.Order(StringComparer.Ordinal));
        foreach ((string name, Tensor tensor) in tensors) TensorBits.Equal(tensor.contiguous(), loaded[name], name);
        Assert.Equal([1f, 4, 2, 5, 3, 6], loaded["w.T"].ToArray<float>()); // the view's logical order
    }

    [Fact]
    public void Saving_to_a_path_replaces_the_file_whole()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rnnlab-{Guid.NewGuid():N}.safetensors");
        try
        {
            safetensors.save(new Dictionary<string, Tensor> { ["a"] = Tensor.FromContiguous([1f], [1]) }, path);
            safetensors.save_file(new Dictionary<string, Tensor> { ["b"] = Tensor.FromContiguous([2f, 3f], [2]) }, path, new Dictionary<string, string> { ["k"] = "v" });
            Dictionary<string, Tensor> loaded = safetensors.load_file(path);
            Assert.Equal(["b"], loaded.Keys);
            Assert.Equal("v", safetensors.read_metadata(path)["k"]);
            Assert.False(System.IO.File.Exists(path + ".partial"));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Refuses_names_it_cannot_write()
    {
        Tensor one = Tensor.FromContiguous([1f], [1]);
        Assert.Contains("reserved", Assert.Throws<ArgumentException>(() => Save(new() { ["__metadata__"] = one })).Message);
        var pairs = new List<KeyValuePair<string, Tensor>> { new("x", one), new("x", one) };
        Assert.Contains("two tensors are named 'x'", Assert.Throws<ArgumentException>(() => safetensors.save(pairs, new MemoryStream())).Message);
    }

    public static TheoryData<string, byte[], string> CorruptFiles => new()
    {
        { "shorter than the length", [1, 2, 3], "fewer than the 8-byte header length" },
        { "huge header length", [0, 0, 0, 0, 0, 0, 0, 1], "exceeds the 100 MB limit" },
        { "header past the end", [100, 0, 0, 0, 0, 0, 0, 0, (byte)'{'], "the header claims 100 bytes but only 1 follow" },
        { "not UTF-8", [2, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xfe], "not valid UTF-8" },
        { "not an object", File("[1, 2]"), "does not start with '{'" },
        { "broken JSON", File("{\"a\": {"), "not valid JSON" },
        { "unknown dtype", File("{\"a\":{\"dtype\":\"F128\",\"shape\":[1],\"data_offsets\":[0,16]}}", new byte[16]), "unknown dtype 'F128'" },
        { "negative dim", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", new byte[4]), "non-negative integers, found -1" },
        { "size mismatch", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,12]}}", new byte[12]), "'a': F32 shape [2, 2] needs 16 bytes but data_offsets [0, 12] hold 12" },
        { "gap", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]), "'a': data_offsets [4, 8] leave a gap after byte 0" },
        { "overlap", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]), "'b': data_offsets [4, 8] overlap" },
        { "trailing bytes", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[9]), "5 bytes follow the last tensor's data" },
        { "truncated data", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[10]), "the file is truncated" },
        { "metadata not strings", File("{\"__metadata__\":{\"epoch\":3}}"), "metadata values must be strings" },
        { "duplicate name", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]},\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}}"), "lists 'a' twice" },
        { "bad bool byte", File("{\"m\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[0,2]}}", [1, 7]), "holds byte 7 at element 1" },
        { "offsets not a pair", File("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0]}}"), "data_offsets must be [begin, end]" },
    };

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public void Corrupt_files_fail_with_a_message_that_says_what_is_wrong(string what, byte[] file, string expectedMessage)
    {
        var error = Assert.Throws<InvalidDataException>(() => Load(file));
        Assert.Contains("is not a valid safetensors file", error.Message);
        Assert.True(error.Message.Contains(expectedMessage, StringComparison.Ordinal), $"{what}: message was: {error.Message}");
    }
}
