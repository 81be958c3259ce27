using System.Diagnostics;
using System.Text.Json;
using RnnLab.Testing;
using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Serialization;

/// <summary>A file written here is read by PyTorch (through tests/fixtures/safetensors_py.py) with identical values.</summary>
public class SafetensorsPythonInteropTests
{
    [Fact]
    public void Pytorch_reads_what_we_write()
    {
        Requires.Tool(Requires.PythonModule("torch"), "Debian's PyTorch", "apt-get install python3-torch");
        var generator = new Generator(17);
        var matrix = rand([5, 4], generator: generator);
        var tensors = new Dictionary<string, Tensor>
        {
            ["rnn.weight_ih_l0"] = randn([8, 3], generator: generator),
            ["rnn.bias_hh_l0"] = randn([8], generator: generator),
            ["tokens"] = randint(-1000, 1L << 40, [2, 3], generator: generator),
            ["keep"] = Tensor.FromContiguous([true, false, false, true], [2, 2]),
            ["column"] = new Tensor(matrix.Storage, [5], [4], 1, ScalarType.Float32), // a strided view: column 1
            ["zero-size"] = Tensor.FromContiguous(Array.Empty<float>(), [3, 0]),
            ["日本語"] = Tensor.FromContiguous([float.NaN, float.NegativeInfinity, -0f], [3]),
        };
        var metadata = new Dictionary<string, string> { ["epoch"] = "3", ["note"] = "line\nbreak \"quoted\" ü" };
        string path = Path.Combine(Path.GetTempPath(), $"rnnlab-{Guid.NewGuid():N}.safetensors");
        try
        {
            safetensors.save(tensors, path, metadata);
            using JsonDocument dump = JsonDocument.Parse(RunPythonDump(path));
            JsonElement root = dump.RootElement;
            Assert.Equal(metadata, root.GetProperty("metadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
            var loaded = root.GetProperty("tensors");
            foreach ((string name, Tensor tensor) in tensors)
            {
                var asFixture = new FixtureCase(name, loaded);
                TensorBits.Equal(tensor.contiguous(), asFixture.Tensor(name), name);
            }
            Assert.Equal(tensors.Count, loaded.EnumerateObject().Count());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string RunPythonDump(string path)
    {
        string script = Path.Combine(Fixture.RepositoryRoot(), "tests", "fixtures", "safetensors_py.py");
        var info = new ProcessStartInfo("/usr/bin/python3", [script, "dump", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "python timed out reading the file");
        Assert.True(process.ExitCode == 0, $"PyTorch could not read the file:\n{errors.Result}");
        return output.Result;
    }
}
