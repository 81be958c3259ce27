using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Core;

/// <summary>
/// Every op's forward value and gradient against PyTorch 1.13 (tests/fixtures/core/ops.json).
/// The gradient is d(sum(out * upstream))/d(input) with a random upstream, i.e. a full
/// vector-Jacobian product, for contiguous, transposed, permuted, strided and expanded inputs.
/// Tolerances: forward 1e-5 relative + 1e-6 absolute; backward 1e-4 relative + 1e-5 absolute
/// (float32 sums in a different order than ATen's). Matrix products sum up to 70 products whose
/// rounding errors do not cancel, so their forward absolute tolerance is 1e-5.
/// </summary>
public class OpsFixtureTests
{
    private static readonly Fixture Ops = Fixture.Load("core/ops.json");

    public static TheoryData<string> CaseNames => new(Ops.CaseNames);

    [Fact]
    public void EveryFixtureOpHasARecipe()
    {
        var missing = Ops.CaseNames.Select(n => Ops[n].String("op")).Where(op => !OpRecipes.Ops.ContainsKey(op)).ToArray();
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ForwardAndBackwardMatchPyTorch(string name)
    {
        FixtureCase c = Ops[name];
        string[] preps = c["prep"].EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
        var leaves = new List<Tensor>();
        for (int i = 0; c.Has($"x{i}"); i++)
        {
            Tensor x = c.Tensor($"x{i}");
            if (x.dtype == ScalarType.Float32) x.requires_grad = true;
            leaves.Add(x);
        }
        Tensor[] args = leaves.Select((x, i) => OpRecipes.Prep(x, preps[i])).ToArray();

        var (output, indexes) = OpRecipes.Ops[c.String("op")](args);

        bool product = c.String("op") is "mm" or "matmul" or "bmm";
        TensorAssert.Close(c.Tensor("out"), output, 1e-5, product ? 1e-5 : 1e-6, $"{name} forward");
        if (c.Has("out_indexes")) TensorAssert.Close(c.Tensor("out_indexes"), indexes!, 0, 0, $"{name} indexes");
        if (!c.Has("upstream")) return;

        (output * c.Tensor("upstream")).sum().backward();
        for (int i = 0; i < leaves.Count; i++)
        {
            if (!c.Has($"grad{i}")) continue;
            Assert.NotNull(leaves[i].grad);
            TensorAssert.Close(c.Tensor($"grad{i}"), leaves[i].grad!, 1e-4, 1e-5, $"{name} grad of input {i}");
        }
    }
}
