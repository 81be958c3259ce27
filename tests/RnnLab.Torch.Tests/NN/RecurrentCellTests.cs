using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.NN;

/// <summary>RNNCell (tanh/relu), LSTMCell and GRUCell against PyTorch: batched and unbatched, with and without bias and state.</summary>
public class RecurrentCellTests
{
    private static readonly Fixture Cells = Fixture.Load("nn/cells.json");

    public static TheoryData<string> Cases() => new(Cells.CaseNames);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name)
    {
        FixtureCase c = Cells[name];
        bool bias = c["bias"].GetBoolean();
        Tensor x = c.Tensor("input").requires_grad_();
        Tensor? h0 = c.Has("h0") ? c.Tensor("h0").requires_grad_() : null;
        Tensor? c0 = c.Has("c0") ? c.Tensor("c0").requires_grad_() : null;
        long inputSize = x.shape[^1], hiddenSize = c.Shape("h")[^1];
        nn.Module module;
        var outputs = new List<Tensor>();
        var upstream = new List<Tensor> { c.Tensor("grad_h") };
        switch (c.String("kind"))
        {
            case "RNNCell":
            {
                var cell = nn.RNNCell(inputSize, hiddenSize, c.String("nonlinearity") == "relu" ? nn.NonLinearities.ReLU : nn.NonLinearities.Tanh, bias);
                RecurrentLayerTests.LoadParameters(cell, c);
                outputs.Add(cell.call(x, h0));
                module = cell;
                break;
            }
            case "LSTMCell":
            {
                var cell = nn.LSTMCell(inputSize, hiddenSize, bias);
                RecurrentLayerTests.LoadParameters(cell, c);
                var (h, cc) = cell.call(x, h0 is null ? null : (h0, c0!));
                outputs.Add(h);
                outputs.Add(cc);
                upstream.Add(c.Tensor("grad_c"));
                TensorAssert.Close(c.Tensor("c"), cc, "c'");
                module = cell;
                break;
            }
            default:
            {
                var cell = nn.GRUCell(inputSize, hiddenSize, bias);
                RecurrentLayerTests.LoadParameters(cell, c);
                outputs.Add(cell.call(x, h0));
                module = cell;
                break;
            }
        }
        TensorAssert.Close(c.Tensor("h"), outputs[0], "h'");
        // d(sum of <output, upstream>)/d(output) = upstream: PyTorch's gradients for these upstream values.
        outputs.Zip(upstream, (output, gradient) => (output * gradient).sum()).Aggregate((a, b) => a + b).backward();
        TensorAssert.Close(c.Tensor("grad.input"), x.grad, "input.grad");
        if (h0 is not null) TensorAssert.Close(c.Tensor("grad.h0"), h0.grad, "h0.grad");
        if (c0 is not null) TensorAssert.Close(c.Tensor("grad.c0"), c0.grad, "c0.grad");
        foreach (var (paramName, p) in module.named_parameters())
            TensorAssert.Close(c.Tensor("grad." + paramName), p.grad, paramName + ".grad");
    }
}
