using RnnLab.Torch.Modules;
using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.NN;

/// <summary>
/// The articles' training runs, started from PyTorch's initial weights, reproduce PyTorch's loss at every step
/// within 1e-4: article 4's character RNN (100 epochs) and article 3's hand-made sin/cos cell (2 shuffled epochs).
/// </summary>
[Collection(Random.DefaultGeneratorCollection.Name)]
public class EndToEndTrainingTests
{
    private static readonly Fixture EndToEnd = Fixture.Load("nn/e2e.json");

    /// <summary>Article 4: nn.RNN + Linear over one-hot characters.</summary>
    private sealed class CharacterModel : nn.Module<Tensor, Tensor>
    {
        private readonly RNN rnn;
        private readonly Linear fc;

        public CharacterModel(long dictSize) : base("Model")
        {
            rnn = nn.RNN(dictSize, 12, 1, batchFirst: true);
            fc = nn.Linear(12, dictSize);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            Tensor hidden = LocalTensorOps.Zeros([1, input.size(0), 12]);
            var (output, _) = rnn.call(input, hidden);
            return fc.call(output.reshape(-1, 12));
        }
    }

    /// <summary>Article 3: h_t = tanh(W [h, x] + b), y_t = tanh(V [h, x] + c).</summary>
    private sealed class SinCosCell : nn.Module<Tensor, Tensor, (Tensor, Tensor)>
    {
        private readonly Linear get_ht;
        private readonly Linear get_yt;
        private readonly Modules.Tanh tanh;

        public SinCosCell(long inputLength, long hiddenLength, long outputLength) : base("RNN")
        {
            get_ht = nn.Linear(hiddenLength + inputLength, hiddenLength);
            get_yt = nn.Linear(hiddenLength + inputLength, outputLength);
            tanh = nn.Tanh();
            RegisterComponents();
        }

        public override (Tensor, Tensor) forward(Tensor hiddens, Tensor inputs)
        {
            Tensor joined = torch.cat([hiddens, inputs], 1);
            return (tanh.call(get_ht.call(joined)), tanh.call(get_yt.call(joined)));
        }
    }

    /// <summary>The state_dict PyTorch saved before training (written by tests/fixtures/generate_nn.py).</summary>
    private static string InitialWeights(string article) =>
        Path.Combine(Fixture.RepositoryRoot(), "tests", "fixtures", "nn", article + "_initial.safetensors");

    [Fact]
    public void Article4_CharacterRnn_ReproducesPyTorchLosses()
    {
        FixtureCase c = EndToEnd["article4"];
        Tensor x = c.Tensor("input"), y = c.Tensor("target");
        manual_seed((long)c.Number("seed"));
        var model = new CharacterModel(x.shape[^1]);
        // The same seed gives PyTorch's initial weights; loading PyTorch's file too keeps this test about training.
        foreach (var (name, p) in model.named_parameters()) TensorAssert.Close(c.Tensor("param." + name), p, "initial " + name, atol: 0, rtol: 0);
        model.load_safetensors(InitialWeights("article4"));

        var criterion = nn.CrossEntropyLoss();
        var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        Tensor targets = y.reshape(-1);
        float[] expected = c["losses"].EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
        for (int epoch = 0; epoch < expected.Length; epoch++)
        {
            optimizer.zero_grad();
            Tensor loss = criterion.call(model.call(x), targets);
            loss.backward();
            optimizer.step();
            float value = loss.ToFloatArray()[0];
            Assert.True(Math.Abs(value - expected[epoch]) <= 1e-4, $"epoch {epoch + 1}: loss {value}, PyTorch {expected[epoch]}");
        }
        foreach (var (name, p) in model.named_parameters()) TensorAssert.Close(c.Tensor("final." + name), p, "final " + name, atol: 1e-4, rtol: 1e-4);
    }

    [Fact]
    public void Article3_SinCosCell_ReproducesPyTorchLosses()
    {
        FixtureCase c = EndToEnd["article3"];
        Tensor x = c.Tensor("input"), y = c.Tensor("target");
        manual_seed((long)c.Number("seed"));
        var model = new SinCosCell(2, 32, 2);
        foreach (var (name, p) in model.named_parameters()) TensorAssert.Close(c.Tensor("param." + name), p, "initial " + name, atol: 0, rtol: 0);
        model.load_safetensors(InitialWeights("article3"));

        var loader = utils.data.DataLoader(utils.data.TensorDataset(x, y), 32, shuffle: true,
            generator: new Generator().manual_seed((long)c.Number("loader_seed")));
        var criterion = nn.MSELoss();
        var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        float[] expected = c["losses"].EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
        int step = 0;
        for (int epoch = 0; epoch < (int)c.Number("epochs"); epoch++)
        {
            foreach (var (bx, by) in loader)
            {
                optimizer.zero_grad();
                Tensor hidden = LocalTensorOps.Zeros([bx.size(0), 32]);
                Tensor output = hidden;
                for (int t = 0; t < bx.size(1); t++) (hidden, output) = model.call(hidden, bx.select(1, t));
                Tensor loss = criterion.call(output, by);
                loss.backward();
                optimizer.step();
                float value = loss.ToFloatArray()[0];
                Assert.True(Math.Abs(value - expected[step]) <= 1e-4, $"step {step + 1}: loss {value}, PyTorch {expected[step]}");
                step++;
            }
        }
        Assert.Equal(expected.Length, step);
        foreach (var (name, p) in model.named_parameters()) TensorAssert.Close(c.Tensor("final." + name), p, "final " + name, atol: 1e-4, rtol: 1e-4);
    }
}
