using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.NN;

/// <summary>torch.manual_seed(s) followed by a layer factory gives PyTorch's initial weights (same draws, same order).</summary>
[Collection(Random.DefaultGeneratorCollection.Name)]
public class InitTests
{
    private static readonly Fixture Init = Fixture.Load("nn/init.json");

    public static TheoryData<string> Cases() => new(Init.CaseNames);

    [Theory]
    [MemberData(nameof(Cases))]
    public void DefaultInitialisation_MatchesPyTorch(string name)
    {
        FixtureCase c = Init[name];
        manual_seed((long)c.Number("seed"));
        nn.Module module = name switch
        {
            "Linear_12_17" => nn.Linear(12, 17),
            "RNN_10_20_2" => nn.RNN(10, 20, 2),
            "LSTM_3_4_bi" => nn.LSTM(3, 4, bidirectional: true),
            "GRU_3_4" => nn.GRU(3, 4),
            "RNNCell_3_4" => nn.RNNCell(3, 4),
            "LSTMCell_3_4" => nn.LSTMCell(3, 4),
            "GRUCell_3_4" => nn.GRUCell(3, 4),
            "Embedding_10_3" => nn.Embedding(10, 3),
            _ => throw new InvalidOperationException(name),
        };
        Assert.NotEmpty(module.named_parameters());
        foreach (var (paramName, p) in module.named_parameters())
            TensorAssert.Close(c.Tensor("param." + paramName), p, paramName, atol: 0, rtol: 0);
    }
}
