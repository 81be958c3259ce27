using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.NN;

/// <summary>Linear (2-D and 3-D input, with and without bias) and the activation functions against PyTorch.</summary>
public class LinearAndActivationTests
{
    private static readonly Fixture Cases = Fixture.Load("nn/linear_activations.json");

    public static TheoryData<string> LinearCases() => new(Cases.CaseNames.Where(n => n.StartsWith("Linear")));

    public static TheoryData<string> ActivationCases() => new(Cases.CaseNames.Where(n => n.StartsWith("act_")));

    [Theory]
    [MemberData(nameof(LinearCases))]
    public void Linear_MatchesPyTorch(string name)
    {
        FixtureCase c = Cases[name];
        Tensor x = c.Tensor("input").requires_grad_();
        var linear = nn.Linear(x.shape[^1], c.Shape("output")[^1], hasBias: c["bias"].GetBoolean());
        RecurrentLayerTests.LoadParameters(linear, c);
        Tensor y = linear.call(x);
        TensorAssert.Close(c.Tensor("output"), y, "output");
        y.backward(c.Tensor("grad_output"));
        TensorAssert.Close(c.Tensor("grad.input"), x.grad, "input.grad");
        foreach (var (paramName, p) in linear.named_parameters())
            TensorAssert.Close(c.Tensor("grad." + paramName), p.grad, paramName + ".grad");
    }

    [Theory]
    [MemberData(nameof(ActivationCases))]
    public void Activation_MatchesPyTorch(string name)
    {
        FixtureCase c = Cases[name];
        Tensor x = c.Tensor("input").requires_grad_();
        Tensor y = name["act_".Length..] switch
        {
            "relu" => nn.ReLU().call(x),
            "tanh" => nn.Tanh().call(x),
            "sigmoid" => nn.Sigmoid().call(x),
            "softmax_dim1" => nn.Softmax(1).call(x),
            "softmax_dim0" => nn.functional.softmax(x, 0),
            "log_softmax_dim1" => nn.LogSoftmax(1).call(x),
            "log_softmax_dimm1" => nn.functional.log_softmax(x, -1),
            _ => throw new InvalidOperationException(name),
        };
        TensorAssert.Close(c.Tensor("output"), y, "output");
        y.backward(c.Tensor("grad_output"));
        TensorAssert.Close(c.Tensor("grad.input"), x.grad, "input.grad");
    }

    [Fact]
    public void Linear_WrongFeatureCount_NamesTheShapes()
    {
        var linear = nn.Linear(3, 6);
        var error = Assert.Throws<ArgumentException>(() => linear.call(LocalTensorOps.Zeros([4, 5])));
        Assert.Equal("mat1 and mat2 shapes cannot be multiplied (4x5 and 3x6)", error.Message);
    }

    [Fact]
    public void Linear_PrintsLikePyTorch()
    {
        Assert.Equal("Linear(in_features=3, out_features=6, bias=True)", nn.Linear(3, 6).ToString());
        Assert.Equal("Linear(in_features=3, out_features=6, bias=False)", nn.Linear(3, 6, hasBias: false).ToString());
    }
}
