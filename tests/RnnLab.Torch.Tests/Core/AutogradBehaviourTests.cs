using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Core;

/// <summary>Finite-difference gradient checks and PyTorch's autograd rules for in-place ops and leaves.</summary>
public class AutogradBehaviourTests
{
    /// <summary>
    /// Central differences (step 1e-2, computed in float32 but on smooth, well-scaled functions)
    /// against the analytic gradient of sum(f(x) * w): tolerance 2e-2 absolute + 2e-2 relative.
    /// </summary>
    private static void GradCheck(Func<Tensor, Tensor> f, Tensor input)
    {
        Tensor x = input.clone().detach().requires_grad_();
        Tensor y = f(x);
        Tensor w = linspace(-1, 1, y.numel()).reshape(y.shape);
        (y * w).sum().backward();
        float[] analytic = x.grad!.data<float>().ToArray();
        float[] values = input.data<float>().ToArray();
        const float step = 1e-2f;
        using var _ = no_grad();
        for (int i = 0; i < values.Length; i++)
        {
            float[] plus = (float[])values.Clone(), minus = (float[])values.Clone();
            plus[i] += step;
            minus[i] -= step;
            double fPlus = (f(tensor(plus, input.shape)) * w).sum().item<float>();
            double fMinus = (f(tensor(minus, input.shape)) * w).sum().item<float>();
            double numeric = (fPlus - fMinus) / (2 * step);
            Assert.True(Math.Abs(numeric - analytic[i]) <= 2e-2 + 2e-2 * Math.Abs(numeric),
                $"element {i}: analytic {analytic[i]} numeric {numeric}");
        }
    }

    private static Tensor Input(params long[] shape) =>
        (linspace(-1.3, 1.7, Tensor.ShapeNumel(shape)).reshape(shape) * 0.9).sin() + 0.1;

    public static TheoryData<string> Functions => new(FunctionTable.Keys);

    private static readonly Dictionary<string, (Func<Tensor, Tensor> F, long[] Shape)> FunctionTable = new()
    {
        ["tanh(x@W) chain"] = (x => x.matmul(Input(4, 3).T.contiguous().T).tanh().sigmoid(), [2, 4]),
        ["softmax"] = (x => x.softmax(-1), [3, 4]),
        ["log_softmax of transposed"] = (x => x.t().log_softmax(0), [3, 4]),
        ["x*x/(1+x^2) broadcast"] = (x => x * x.sum(0) / (x.square() + 1), [3, 2]),
        ["exp-log-sqrt"] = (x => (x.exp() + 1).log().sqrt(), [5]),
        ["mean over dims + max"] = (x => x.mean([0, 2]) + x.max(1).values.sum(), [2, 3, 2]),
        ["cat, stack and slicing"] = (x => stack([cat([x[.., 1..], x[.., ..1]], 1), x.flip_rows()], 0), [3, 3]),
        ["bmm of permuted"] = (x => x.permute(1, 0, 2).bmm(x.permute(1, 2, 0)), [2, 3, 2]),
        ["where + clamp + relu"] = (x => where(x > 0.2, x.relu() * 3, x.clamp(-0.5, 0.5)), [4, 2]),
        ["pow and division"] = (x => (x.abs() + 0.5).pow(1.5) / (x.abs() + 2), [6]),
    };

    [Theory]
    [MemberData(nameof(Functions))]
    public void AnalyticGradientMatchesFiniteDifferences(string name)
    {
        var (f, shape) = FunctionTable[name];
        GradCheck(f, Input(shape));
    }

    [Fact]
    public void InPlaceOnLeafRequiringGrad_Throws_ButNoGradAllowsIt()
    {
        Tensor w = ones(3, requires_grad: true);
        Assert.Throws<InvalidOperationException>(() => w.mul_(2));
        using (no_grad()) w.sub_(ones(3), alpha: 0.5);
        Assert.Equal(new[] { 0.5f, 0.5f, 0.5f }, w.data<float>().ToArray());
        Assert.True(w.requires_grad);
    }

    [Fact]
    public void InPlaceOps_ModifyAndReturnThis()
    {
        Tensor x = arange(6, dtype: float32).view(2, 3);
        Assert.Same(x, x.add_(1).mul_(2));
        Assert.Equal(new float[] { 2, 4, 6, 8, 10, 12 }, x.data<float>().ToArray());
        x.t().zero_();
        Assert.Equal(0f, x.sum().item<float>());
        x[0] = tensor(new float[] { 1, 2, 3 });
        x[1, ^1] = 5f;
        Assert.Equal(new float[] { 1, 2, 3, 0, 0, 5 }, x.data<float>().ToArray());
        Tensor ints = arange(3);
        Assert.Throws<InvalidOperationException>(() => ints.add_(0.5));
    }

    [Fact]
    public void CopyIntoAViewOfItself_ReadsBeforeWriting()
    {
        Tensor x = arange(9, dtype: float32).view(3, 3);
        x.t().copy_(x);
        Assert.Equal(new float[] { 0, 3, 6, 1, 4, 7, 2, 5, 8 }, x.data<float>().ToArray());
        Tensor y = arange(5, dtype: float32);
        y[1..].copy_(y[..^1]);
        Assert.Equal(new float[] { 0, 0, 1, 2, 3 }, y.data<float>().ToArray());
    }

    [Fact]
    public void MaskAndTensorIndexAssignment()
    {
        Tensor x = arange(6, dtype: float32).view(2, 3);
        x[x > 3] = tensor(-1f);
        Assert.Equal(new float[] { 0, 1, 2, 3, -1, -1 }, x.data<float>().ToArray());
        x[tensor(new long[] { 1, 0 })] = zeros(3);
        Assert.Equal(0f, x.abs().sum().item<float>());
    }

    [Fact]
    public void GradientsAccumulateAcrossBackwardCalls_AndDetachCutsTheGraph()
    {
        Tensor x = tensor(new[] { 1f, 2f }, requires_grad: true);
        (x * x).sum().backward();
        (x * 3).sum().backward();
        Assert.Equal(new[] { 5f, 7f }, x.grad!.data<float>().ToArray());
        Tensor d = (x * 2).detach();
        Assert.False(d.requires_grad);
        Assert.Null(d.grad_fn);
    }

    [Fact]
    public void BackwardWithExplicitGradient_OnNonScalar()
    {
        Tensor x = tensor(new[] { 1f, 2f, 3f }, requires_grad: true);
        (x * x).backward(tensor(new[] { 1f, 0f, -1f }));
        Assert.Equal(new[] { 2f, 0f, -6f }, x.grad!.data<float>().ToArray());
    }

    [Fact]
    public void NoGrad_ProducesNoGraph()
    {
        Tensor x = ones(2, requires_grad: true);
        using (no_grad())
        {
            Tensor y = (x * 2).tanh().sum();
            Assert.False(y.requires_grad);
        }
        Assert.True((x * 2).requires_grad);
    }
}

internal static class TestTensorExtensions
{
    /// <summary>Rows in reverse order, built from views (for gradient checks through select + stack).</summary>
    public static Tensor flip_rows(this torch.Tensor x) => torch.stack(x.unbind(0).Reverse().ToArray(), 0);
}
