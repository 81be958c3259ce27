using RnnLab.Torch;
using RnnLab.Torch.Autograd;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests;

public class AutogradEngineTests
{
    /// <summary>y = 3x through a hand-written node: the engine must deliver 3 into x.grad and accumulate.</summary>
    private sealed class TimesThree : Node
    {
        public override string name() => "TimesThreeBackward";
        protected override Tensor?[] Backward(Tensor?[] g)
        {
            float[] d = g[0]!.ToFloatArray();
            for (int i = 0; i < d.Length; i++) d[i] *= 3f;
            return [Tensor.FromContiguous(d, g[0]!.shape)];
        }
    }

    private static Tensor Triple(Tensor x)
    {
        float[] d = x.ToFloatArray();
        for (int i = 0; i < d.Length; i++) d[i] *= 3f;
        var y = Tensor.FromContiguous(d, x.shape);
        if (Node.ShouldRecord(x)) new TimesThree().Record([x], [y]);
        return y;
    }

    [Fact]
    public void Backward_AccumulatesIntoLeafAcrossCalls()
    {
        var x = Tensor.FromContiguous(new float[] { 1f }, [1]).requires_grad_();
        Triple(x).backward();
        Triple(x).backward();
        Assert.Equal([6f], x.grad!.ToFloatArray());
        Assert.Equal("TimesThreeBackward", Triple(x).grad_fn!.name());
    }

    [Fact]
    public void Backward_ThroughFreedGraph_SaysRetainGraph()
    {
        var x = Tensor.FromContiguous(new float[] { 1f }, [1]).requires_grad_();
        Tensor y = Triple(Triple(x));
        y.backward();
        var error = Assert.Throws<InvalidOperationException>(() => y.backward());
        Assert.Contains("retain_graph", error.Message);
    }

    [Fact]
    public void Backward_OnNonScalarWithoutGradient_NamesTheShape()
    {
        var x = Tensor.FromContiguous(new float[] { 1f, 2f }, [2]).requires_grad_();
        var error = Assert.Throws<InvalidOperationException>(() => Triple(x).backward());
        Assert.Contains("[2]", error.Message);
    }

    [Fact]
    public void NoGrad_RecordsNothing_AndRestores()
    {
        var x = Tensor.FromContiguous(new float[] { 1f }, [1]).requires_grad_();
        using (no_grad()) Assert.Null(Triple(x).grad_fn);
        Assert.NotNull(Triple(x).grad_fn);
    }
}
