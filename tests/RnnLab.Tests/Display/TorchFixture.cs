using System.Globalization;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnLab.Tests.Display;

/// <summary>A fixture file written by tests/fixtures/fixture_io.py, its tensors rebuilt as TorchSharp tensors.</summary>
public sealed class TorchFixture
{
    private readonly JsonElement _cases;

    private TorchFixture(JsonElement cases) => _cases = cases;

    /// <summary>Loads tests/fixtures/<paramref name="relativePath"/> from the repository.</summary>
    public static TorchFixture Load(string relativePath)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Notebooks.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Notebooks.sln not found above " + AppContext.BaseDirectory);
        string path = Path.Combine(dir.FullName, "tests", "fixtures", relativePath);
        using var stream = File.OpenRead(path);
        return new TorchFixture(JsonDocument.Parse(stream).RootElement.GetProperty("cases").Clone());
    }

    /// <summary>Names of all cases, in file order.</summary>
    public IEnumerable<string> CaseNames => _cases.EnumerateObject().Select(p => p.Name);

    /// <summary>One case by name.</summary>
    public JsonElement this[string name] => _cases.GetProperty(name);

    /// <summary>A stored float32/int64/bool tensor as a new TorchSharp tensor of that dtype.</summary>
    public static Tensor Tensor(JsonElement stored)
    {
        long[] shape = [.. stored.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64())];
        JsonElement data = stored.GetProperty("data");
        return stored.GetProperty("dtype").GetString() switch
        {
            "float32" => torch.tensor(data.EnumerateArray().Select(ReadFloat).ToArray(), shape),
            "int64" => torch.tensor(data.EnumerateArray().Select(e => e.GetInt64()).ToArray(), shape),
            "bool" => torch.tensor(data.EnumerateArray().Select(e => e.GetBoolean()).ToArray(), shape),
            var other => throw new NotSupportedException($"fixture dtype {other}"),
        };
    }

    /// <summary>PyTorch's dtype name (float64, int32, ...) as a TorchSharp ScalarType.</summary>
    public static ScalarType DType(string name) => name switch
    {
        "float64" => ScalarType.Float64,
        "float32" => ScalarType.Float32,
        "float16" => ScalarType.Float16,
        "bfloat16" => ScalarType.BFloat16,
        "int64" => ScalarType.Int64,
        "int32" => ScalarType.Int32,
        "int16" => ScalarType.Int16,
        "int8" => ScalarType.Int8,
        "uint8" => ScalarType.Byte,
        _ => throw new NotSupportedException($"fixture dtype {name}"),
    };

    private static float ReadFloat(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => (float)e.GetDouble(),
        _ => e.GetString() switch
        {
            "nan" => float.NaN,
            "inf" => float.PositiveInfinity,
            "-inf" => float.NegativeInfinity,
            var s => float.Parse(s!, CultureInfo.InvariantCulture),
        },
    };
}
