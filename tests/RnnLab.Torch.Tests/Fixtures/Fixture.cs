using System.Globalization;
using System.Text.Json;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Fixtures;

/// <summary>A fixture file written by tests/fixtures/fixture_io.py: named cases of tensors and values.</summary>
public sealed class Fixture
{
    private readonly JsonElement _cases;

    private Fixture(JsonElement root)
    {
        _cases = root.GetProperty("cases");
        TorchVersion = root.GetProperty("torch_version").GetString() ?? "";
    }

    /// <summary>The PyTorch version that generated the file.</summary>
    public string TorchVersion { get; }

    /// <summary>Loads tests/fixtures/<paramref name="relativePath"/> from the repository.</summary>
    public static Fixture Load(string relativePath)
    {
        string path = Path.Combine(RepositoryRoot(), "tests", "fixtures", relativePath);
        if (!File.Exists(path))
            throw new FileNotFoundException($"fixture {relativePath} is missing; regenerate it with its tests/fixtures/generate_*.py script", path);
        using var stream = File.OpenRead(path);
        return new Fixture(JsonDocument.Parse(stream).RootElement.Clone());
    }

    /// <summary>Names of all cases, in file order.</summary>
    public IEnumerable<string> CaseNames => _cases.EnumerateObject().Select(p => p.Name);

    /// <summary>One case by name.</summary>
    public FixtureCase this[string name] =>
        _cases.TryGetProperty(name, out JsonElement c) ? new FixtureCase(name, c) : throw new KeyNotFoundException($"fixture has no case '{name}'");

    /// <summary>The folder holding Notebooks.sln, found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Notebooks.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Notebooks.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>One named case: tensors and plain values by key.</summary>
public sealed class FixtureCase(string name, JsonElement element)
{
    /// <summary>The case's name.</summary>
    public string Name => name;

    /// <summary>The raw JSON of a key.</summary>
    public JsonElement this[string key] =>
        element.TryGetProperty(key, out JsonElement v) ? v : throw new KeyNotFoundException($"case '{name}' has no key '{key}'");

    /// <summary>Whether the case holds a key.</summary>
    public bool Has(string key) => element.TryGetProperty(key, out _);

    /// <summary>A stored tensor as a new contiguous tensor.</summary>
    public Tensor Tensor(string key)
    {
        JsonElement t = this[key];
        long[] shape = t.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        JsonElement data = t.GetProperty("data");
        return t.GetProperty("dtype").GetString() switch
        {
            "float32" => torch.Tensor.FromContiguous(data.EnumerateArray().Select(ReadFloat).ToArray(), shape),
            "int64" => torch.Tensor.FromContiguous(data.EnumerateArray().Select(e => e.GetInt64()).ToArray(), shape),
            "bool" => torch.Tensor.FromContiguous(data.EnumerateArray().Select(e => e.GetBoolean()).ToArray(), shape),
            string other => throw new NotSupportedException($"fixture dtype {other}"),
            null => throw new InvalidDataException("fixture tensor without dtype"),
        };
    }

    /// <summary>A stored float32 tensor's elements, row-major.</summary>
    public float[] Floats(string key) => this[key].GetProperty("data").EnumerateArray().Select(ReadFloat).ToArray();

    /// <summary>A stored tensor's shape.</summary>
    public long[] Shape(string key) => this[key].GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();

    /// <summary>A plain number.</summary>
    public double Number(string key) => ReadDouble(this[key]);

    /// <summary>A plain string.</summary>
    public string String(string key) => this[key].GetString() ?? "";

    private static float ReadFloat(JsonElement e) => (float)ReadDouble(e);

    private static double ReadDouble(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString() switch
        {
            "nan" => double.NaN,
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            string s => double.Parse(s, CultureInfo.InvariantCulture),
            null => throw new InvalidDataException("null number"),
        },
        _ => throw new InvalidDataException($"expected a number, got {e.ValueKind}"),
    };
}
