using System.Diagnostics;
using System.Text.Json;
using RnnLab.Testing;
using RnnLab.Torch.Modules;
using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.NN;

/// <summary>Module.save_safetensors/load_safetensors: PyTorch's names and layouts, strict loading, and PyTorch running a model we saved.</summary>
[Collection(Random.DefaultGeneratorCollection.Name)]
public class ModuleSafetensorsTests
{
    /// <summary>The same architecture as InteropModel in tests/fixtures/generate_nn.py.</summary>
    private sealed class InteropModel : nn.Module<Tensor, Tensor>
    {
        private readonly LSTM rnn = nn.LSTM(3, 4, 2, bidirectional: true);
        private readonly Linear fc = nn.Linear(8, 2);

        public InteropModel() : base(nameof(InteropModel)) => RegisterComponents();

        public override Tensor forward(Tensor input) => fc.call(rnn.call(input).Item1.select(0, -1));
    }

    private static Tensor FixedInput()
    {
        var data = new float[5 * 2 * 3];
        for (int i = 0; i < data.Length; i++) data[i] = -1f + 2f * i / (data.Length - 1);
        return Tensor.FromContiguous(data, [5, 2, 3]);
    }

    [Fact]
    public void SaveThenLoad_RestoresEveryParameter_AndStrictListsProblems()
    {
        manual_seed(21);
        var saved = new InteropModel();
        string path = Path.Combine(Path.GetTempPath(), $"rnnlab-{Guid.NewGuid():N}.safetensors");
        try
        {
            saved.save_safetensors(path);
            manual_seed(22);
            var loaded = new InteropModel();
            loaded.load_safetensors(path);
            foreach (var ((name, a), (_, b)) in saved.named_parameters().Zip(loaded.named_parameters()))
                Assert.True(a.ToFloatArray().SequenceEqual(b.ToFloatArray()), name);

            var error = Assert.Throws<InvalidOperationException>(() => nn.LSTM(3, 4).load_safetensors(path));
            Assert.Matches("Unexpected key\\(s\\) in state_dict: .*\"rnn.weight_ih_l0\"", error.Message);
            Assert.Contains("Missing key(s) in state_dict: \"weight_ih_l0\"", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task PyTorch_RunsTheModelWeSaved()
    {
        Requires.Tool(Requires.PythonModule("torch"), "Debian's PyTorch", "apt-get install python3-torch");
        manual_seed(23);
        var model = new InteropModel();
        string path = Path.Combine(Path.GetTempPath(), $"rnnlab-{Guid.NewGuid():N}.safetensors");
        try
        {
            model.save_safetensors(path);
            string script = Path.Combine(Fixture.RepositoryRoot(), "tests", "fixtures", "generate_nn.py");
            var info = new ProcessStartInfo("/usr/bin/python3", [script, "forward-from-safetensors", path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(info)!;
            CancellationToken cancel = TestContext.Current.CancellationToken;
            Task<string> output = process.StandardOutput.ReadToEndAsync(cancel);
            Task<string> errors = process.StandardError.ReadToEndAsync(cancel);
            await process.WaitForExitAsync(cancel).WaitAsync(TimeSpan.FromMinutes(2), cancel);
            Assert.True(process.ExitCode == 0, $"PyTorch could not load the model:\n{await errors}");
            using JsonDocument result = JsonDocument.Parse("{\"y\":" + await output + "}");
            Tensor expected = new FixtureCase("pytorch", result.RootElement).Tensor("y");
            using var _ = no_grad();
            TensorAssert.Close(expected, model.call(FixedInput()), "PyTorch's output on our weights");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
