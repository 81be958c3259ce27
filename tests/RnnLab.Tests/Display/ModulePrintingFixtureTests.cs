using System.Text.Json;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnLab.Tests.Display;

/// <summary>pystr() of a module must equal PyTorch's repr of the same module, less what TorchSharp cannot tell.</summary>
public class ModulePrintingFixtureTests
{
    private static readonly TorchFixture Modules = TorchFixture.Load("display/modules.json");

    public static TheoryData<string> CaseNames => new(Modules.CaseNames);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Repr_MatchesPyTorch(string name)
    {
        JsonElement c = Modules[name];
        string expected = c.GetProperty("repr").GetString()!;
        foreach (JsonElement omitted in c.GetProperty("omitted").EnumerateArray())
            expected = expected.Replace(omitted.GetString()!, "");
        using nn.Module module = Build(name);
        Assert.Equal(expected, module.pystr());
    }

    [Fact]
    public void OmittedParts_AreOnlyTheHyperparametersTorchSharpKeepsInLibtorch()
    {
        string[] omitted = [.. Modules.CaseNames.SelectMany(n => Modules[n].GetProperty("omitted").EnumerateArray().Select(e => e.GetString()!))];
        Assert.Equal([", dropout=0.5", ", nonlinearity=relu", ", padding_idx=0"], omitted.Order());
    }

    [Fact]
    public void TorchSharpModuleWithoutADescription_SaysItsHyperparametersAreNotShown()
    {
        using var norm = nn.LayerNorm(4);
        Assert.Equal("LayerNorm(...)", norm.pystr());
    }

    [Fact]
    public void NullModule_IsRefusedNamingTheArgument() =>
        Assert.Equal("module", Assert.Throws<ArgumentNullException>(() => ((nn.Module)null!).pystr()).ParamName);

    [Fact]
    public void Printing_IgnoresTheCurrentCulture()
    {
        System.Globalization.CultureInfo previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            var minus = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            minus.NumberFormat.NegativeSign = "−";
            minus.NumberFormat.NumberDecimalSeparator = ",";
            System.Globalization.CultureInfo.CurrentCulture = minus;
            using var sequential = nn.Sequential(nn.Dropout(0.25), nn.LogSoftmax(dim: -1));
            Assert.Equal("Sequential(\n  (0): Dropout(p=0.25, inplace=False)\n  (1): LogSoftmax(dim=-1)\n)", sequential.pystr());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    private static nn.Module Build(string name) => name switch
    {
        "rnn" => nn.RNN(10, 20),
        "rnn_article" => nn.RNN(10, 20, numLayers: 2, batchFirst: true),
        "rnn_relu_bidirectional_no_bias" => nn.RNN(4, 8, nonLinearity: nn.NonLinearities.ReLU, bias: false, bidirectional: true),
        "rnn_dropout" => nn.RNN(10, 20, numLayers: 2, dropout: 0.5),
        "lstm" => nn.LSTM(10, 20, numLayers: 2, batchFirst: true, bidirectional: true),
        "gru" => nn.GRU(8, 16, bias: false),
        "rnn_cell" => nn.RNNCell(3, 4),
        "rnn_cell_relu" => nn.RNNCell(3, 4, nonLinearity: nn.NonLinearities.ReLU),
        "lstm_cell_no_bias" => nn.LSTMCell(3, 4, bias: false),
        "gru_cell" => nn.GRUCell(3, 4),
        "linear" => nn.Linear(20, 5),
        "linear_no_bias" => nn.Linear(3, 1, hasBias: false),
        "embedding" => nn.Embedding(10, 3),
        "embedding_padding_idx" => nn.Embedding(10, 3, padding_idx: 0),
        "dropout" => nn.Dropout(0.2),
        "relu" => nn.ReLU(),
        "relu_inplace" => nn.ReLU(inplace: true),
        "tanh" => nn.Tanh(),
        "sigmoid" => nn.Sigmoid(),
        "softmax" => nn.Softmax(dim: 1),
        "log_softmax" => nn.LogSoftmax(dim: -1),
        "flatten" => nn.Flatten(),
        "identity" => nn.Identity(),
        "sequential" => nn.Sequential(nn.Linear(10, 20), nn.ReLU(), nn.Dropout(0.1), nn.Linear(20, 5)),
        "sequential_named" => nn.Sequential(("hidden", nn.Linear(4, 8)), ("act", nn.Tanh()), ("out", nn.Linear(8, 2))),
        "module_list" => nn.ModuleList(nn.Linear(2, 3), nn.Linear(3, 1)),
        "custom_char_rnn" => new CharRnn(),
        "custom_nested" => new Classifier(),
        "custom_only_parameters" => new OnlyParameters(),
        _ => throw new ArgumentException(name),
    };

    // The same modules as generate_display.py's classes; fields in the order Python assigns them.
    private sealed class CharRnn : nn.Module<Tensor, Tensor>
    {
        private readonly RNN rnn = nn.RNN(5, 12, batchFirst: true);
        private readonly Linear fc = nn.Linear(12, 5);

        public CharRnn() : base(nameof(CharRnn)) => RegisterComponents();

        public override Tensor forward(Tensor input) => fc.call(rnn.call(input).Item1);
    }

    private sealed class Classifier : nn.Module<Tensor, Tensor>
    {
        private readonly Embedding embed = nn.Embedding(30, 8);
        private readonly LSTM lstm = nn.LSTM(8, 16, batchFirst: true);
        private readonly Sequential head = nn.Sequential(nn.Linear(16, 16), nn.Tanh(), nn.Dropout(0.1), nn.Linear(16, 4));

        public Classifier() : base(nameof(Classifier)) => RegisterComponents();

        public override Tensor forward(Tensor input) => head.call(lstm.call(embed.call(input)).Item1[.., -1]);
    }

    private sealed class OnlyParameters : nn.Module<Tensor, Tensor>
    {
        private readonly Parameter scale = nn.Parameter(ones(3));

        public OnlyParameters() : base(nameof(OnlyParameters)) => RegisterComponents();

        public override Tensor forward(Tensor input) => input * scale;
    }
}
