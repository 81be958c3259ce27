using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.NN;

/// <summary>RNN (tanh/relu), LSTM and GRU against PyTorch over the full configuration grid: outputs, final states, and every gradient.</summary>
public class RecurrentLayerTests
{
    private static readonly Fixture Recurrent = Fixture.Load("nn/recurrent.json");

    public static TheoryData<string> Cases() => new(Recurrent.CaseNames);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name)
    {
        FixtureCase c = Recurrent[name];
        string kind = c.String("kind");
        long layers = (long)c.Number("layers");
        bool bidirectional = c["bidirectional"].GetBoolean(), batchFirst = c["batch_first"].GetBoolean(), bias = c["bias"].GetBoolean();
        Tensor x = c.Tensor("input").requires_grad_();
        Tensor? h0 = c.Has("h0") ? c.Tensor("h0").requires_grad_() : null;
        Tensor? c0 = c.Has("c0") ? c.Tensor("c0").requires_grad_() : null;
        long inputSize = x.shape[^1], hiddenSize = c.Shape("h_n")[^1];

        nn.Module module;
        Tensor output, hN;
        Tensor? cN = null;
        switch (kind)
        {
            case "RNN":
            {
                var rnn = nn.RNN(inputSize, hiddenSize, layers, c.String("nonlinearity") == "relu" ? nn.NonLinearities.ReLU : nn.NonLinearities.Tanh,
                    bias: bias, batchFirst: batchFirst, bidirectional: bidirectional);
                LoadParameters(rnn, c);
                (output, hN) = rnn.call(x, h0);
                module = rnn;
                break;
            }
            case "LSTM":
            {
                var lstm = nn.LSTM(inputSize, hiddenSize, layers, bias: bias, batchFirst: batchFirst, bidirectional: bidirectional);
                LoadParameters(lstm, c);
                (output, hN, Tensor cn) = lstm.call(x, h0 is null ? null : (h0, c0!));
                cN = cn;
                module = lstm;
                break;
            }
            default:
            {
                var gru = nn.GRU(inputSize, hiddenSize, layers, bias: bias, batchFirst: batchFirst, bidirectional: bidirectional);
                LoadParameters(gru, c);
                (output, hN) = gru.call(x, h0);
                module = gru;
                break;
            }
        }

        TensorAssert.Close(c.Tensor("output"), output, "output");
        TensorAssert.Close(c.Tensor("h_n"), hN, "h_n");
        var outputs = new List<Tensor> { output, hN };
        var upstream = new List<Tensor> { c.Tensor("grad_output"), c.Tensor("grad_h_n") };
        if (cN is not null)
        {
            TensorAssert.Close(c.Tensor("c_n"), cN, "c_n");
            outputs.Add(cN);
            upstream.Add(c.Tensor("grad_c_n"));
        }
        // d(sum of <output, upstream>)/d(output) = upstream: PyTorch's gradients for these upstream values.
        outputs.Zip(upstream, (output, gradient) => (output * gradient).sum()).Aggregate((a, b) => a + b).backward();

        TensorAssert.Close(c.Tensor("grad.input"), x.grad, "input.grad");
        if (h0 is not null) TensorAssert.Close(c.Tensor("grad.h0"), h0.grad, "h0.grad");
        if (c0 is not null) TensorAssert.Close(c.Tensor("grad.c0"), c0.grad, "c0.grad");
        foreach (var (paramName, p) in module.named_parameters())
            TensorAssert.Close(c.Tensor("grad." + paramName), p.grad, paramName + ".grad");
    }

    /// <summary>Loads the case's "param.*" tensors through load_state_dict (strict), which also checks the names.</summary>
    internal static void LoadParameters(nn.Module module, FixtureCase c)
    {
        var state = new Dictionary<string, Tensor>();
        foreach (string key in module.state_dict().Keys) state[key] = c.Tensor("param." + key);
        module.load_state_dict(state);
    }
}
