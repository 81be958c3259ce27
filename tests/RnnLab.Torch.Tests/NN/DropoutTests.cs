using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.NN;

/// <summary>With the same seed, dropout drops the same elements as PyTorch: F.dropout and the inter-layer dropout of RNN, LSTM and GRU.</summary>
[Collection(Random.DefaultGeneratorCollection.Name)]
public class DropoutTests
{
    private static readonly Fixture Dropout = Fixture.Load("nn/dropout.json");

    [Fact]
    public void FunctionalDropout_MatchesPyTorchMask()
    {
        FixtureCase c = Dropout["functional_dropout"];
        manual_seed(78);
        TensorAssert.Close(c.Tensor("output"), nn.functional.dropout(c.Tensor("input"), c.Number("p")), "dropout", atol: 0, rtol: 0);
    }

    [Theory]
    [InlineData("RNN")]
    [InlineData("LSTM")]
    [InlineData("GRU")]
    public void InterLayerDropout_MatchesPyTorch(string kind)
    {
        FixtureCase c = Dropout[kind + "_interlayer_dropout"];
        Tensor x = c.Tensor("input").requires_grad_();
        nn.Module module = kind switch
        {
            "RNN" => nn.RNN(3, 4, 3, dropout: 0.4, bidirectional: true),
            "LSTM" => nn.LSTM(3, 4, 3, dropout: 0.4, bidirectional: true),
            _ => nn.GRU(3, 4, 3, dropout: 0.4, bidirectional: true),
        };
        RecurrentLayerTests.LoadParameters(module, c);
        manual_seed(80);
        Tensor output = module switch
        {
            Modules.RNN rnn => rnn.call(x).Item1,
            Modules.LSTM lstm => lstm.call(x).Item1,
            Modules.GRU gru => gru.call(x).Item1,
            _ => throw new InvalidOperationException(),
        };
        TensorAssert.Close(c.Tensor("output"), output, "output");
        output.backward(c.Tensor("grad_output"));
        TensorAssert.Close(c.Tensor("grad.input"), x.grad, "input.grad");
        foreach (var (name, p) in module.named_parameters()) TensorAssert.Close(c.Tensor("grad." + name), p.grad, name + ".grad");
    }
}
