using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.NN;

/// <summary>Losses against PyTorch: every reduction, class weights, ignore_index, 3-D and unbatched inputs; values and input gradients.</summary>
public class LossTests
{
    private static readonly Fixture Losses = Fixture.Load("nn/losses.json");

    public static TheoryData<string> Cases() => new(Losses.CaseNames);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name)
    {
        FixtureCase c = Losses[name];
        Tensor x = c.Tensor("input").requires_grad_();
        Tensor target = c.Tensor("target");
        nn.Reduction reduction = c.Has("arg.reduction")
            ? c.String("arg.reduction") switch { "sum" => nn.Reduction.Sum, "none" => nn.Reduction.None, _ => nn.Reduction.Mean }
            : nn.Reduction.Mean;
        Tensor? weight = c.Has("arg.weight") ? c.Tensor("arg.weight") : null;
        long ignoreIndex = c.Has("arg.ignore_index") ? (long)c.Number("arg.ignore_index") : -100;
        Tensor loss = name switch
        {
            _ when name.StartsWith("cross_entropy") => nn.CrossEntropyLoss(weight, ignoreIndex, reduction).call(x, target),
            _ when name.StartsWith("nll_loss") => nn.NLLLoss(weight, reduction, ignoreIndex).call(x, target),
            _ when name.StartsWith("mse_loss") => nn.MSELoss(reduction).call(x, target),
            _ when name.StartsWith("l1_loss") => nn.L1Loss(reduction).call(x, target),
            _ when name.StartsWith("bce_with_logits") => nn.BCEWithLogitsLoss(weight, reduction, c.Has("arg.pos_weight") ? c.Tensor("arg.pos_weight") : null).call(x, target),
            _ => throw new InvalidOperationException(name),
        };
        TensorAssert.Close(c.Tensor("output"), loss, "loss");
        loss.backward(c.Tensor("grad_output"));
        TensorAssert.Close(c.Tensor("grad.input"), x.grad, "input.grad");
    }

    [Fact]
    public void CrossEntropy_Errors_NameTheShapes()
    {
        var loss = nn.CrossEntropyLoss();
        Tensor logits = LocalTensorOps.Zeros([3, 5]);
        Assert.Equal("Expected input batch_size (3) to match target batch_size (4).",
            Assert.Throws<ArgumentException>(() => loss.call(logits, Tensor.FromContiguous(new long[4], [4]))).Message);
        Assert.Equal("Target 5 is out of bounds.",
            Assert.Throws<IndexOutOfRangeException>(() => loss.call(logits, Tensor.FromContiguous(new long[] { 0, 5, 1 }, [3]))).Message);
        Assert.Contains("expected scalar type Long but found Float",
            Assert.Throws<ArgumentException>(() => loss.call(logits, LocalTensorOps.Zeros([3]))).Message);
        Assert.Equal("mse_loss: target size ([3]) must be the same as input size ([3, 5])",
            Assert.Throws<ArgumentException>(() => nn.MSELoss().call(logits, LocalTensorOps.Zeros([3]))).Message);
    }
}
