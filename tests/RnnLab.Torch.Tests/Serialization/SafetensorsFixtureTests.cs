using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Serialization;

/// <summary>
/// Files written by tests/fixtures/safetensors_py.py with PyTorch load to the same values, and
/// the same tensors saved from C# give the very same bytes.
/// </summary>
public class SafetensorsFixtureTests
{
    private static readonly Fixture Expected = Fixture.Load("safetensors/expected.json");
    private static string FixturePath(string file) => Path.Combine(Fixture.RepositoryRoot(), "tests", "fixtures", "safetensors", file);

    private static readonly string[] ReferenceNames =
        ["linear.weight", "linear.bias", "labels", "mask", "scalar", "empty", "transposed", "special", "nan", "ünïcode name"];

    [Fact]
    public void Reads_the_pytorch_written_reference_file()
    {
        Dictionary<string, Tensor> loaded = safetensors.load(FixturePath("reference.safetensors"));
        FixtureCase reference = Expected["reference"];
        Assert.Equal(ReferenceNames.Order(StringComparer.Ordinal), loaded.Keys.Order(StringComparer.Ordinal));
        foreach (string name in ReferenceNames) TensorBits.Equal(reference.Tensor(name), loaded[name], name);
        // File order: I64 first (larger alignment), then F32 by name, BOOL last.
        Assert.Equal("labels", loaded.Keys.First());
        Assert.Equal("mask", loaded.Keys.Last());
    }

    [Fact]
    public void Reads_the_metadata()
    {
        Dictionary<string, string> metadata = safetensors.read_metadata(FixturePath("reference.safetensors"));
        var expected = Expected["reference"]["__metadata__"].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Assert.Equal(expected, metadata);
        Assert.Equal("tab\there", metadata["quote\"and\\slash"]);
    }

    [Fact]
    public void Writes_byte_identical_files_to_the_reference_layout()
    {
        FixtureCase reference = Expected["reference"];
        var tensors = ReferenceNames.ToDictionary(name => name, reference.Tensor);
        // Save the transposed tensor as a real view, as PyTorch saved base.t().
        Tensor contiguous = reference.Tensor("transposed");
        float[] baseRows = new float[12];
        float[] t = contiguous.ToFloatArray();
        for (int r = 0; r < 4; r++) for (int c = 0; c < 3; c++) baseRows[c * 4 + r] = t[r * 3 + c];
        tensors["transposed"] = new Tensor(baseRows, [4, 3], [1, 4], 0, ScalarType.Float32);
        // PyTorch's NaN is the positive quiet NaN; .NET's float.NaN has the sign bit set.
        tensors["nan"] = Tensor.FromContiguous([BitConverter.Int32BitsToSingle(0x7fc00000)], [1]);
        var metadata = Expected["reference"]["__metadata__"].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

        using var written = new MemoryStream();
        safetensors.save(tensors, written, metadata);
        Assert.Equal(File.ReadAllBytes(FixturePath("reference.safetensors")), written.ToArray());
    }

    [Fact]
    public void Widens_narrow_pytorch_dtypes_exactly()
    {
        Dictionary<string, Tensor> loaded = safetensors.load(FixturePath("widening.safetensors"));
        FixtureCase widening = Expected["widening"];
        foreach (string name in new[] { "f16", "bf16", "i32", "i16", "i8", "u8" })
            TensorBits.Equal(widening.Tensor(name), loaded[name], name);
    }

    [Fact]
    public void Refuses_float64_with_advice()
    {
        var error = Assert.Throws<NotSupportedException>(() => safetensors.load(FixturePath("float64.safetensors")));
        Assert.Contains("'weights' is F64", error.Message);
        Assert.Contains("tensor.float()", error.Message);
    }
}
