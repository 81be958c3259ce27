using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.NN;

/// <summary>
/// Optimizer trajectories against PyTorch 1.13: 20 steps from the same parameters with the same gradients, within
/// 1e-7 relative (SGD, Adam and AdamW come out bit-identical; RMSprop within one float ulp). Clipping.
/// </summary>
public class OptimizerTests
{
    private static readonly Fixture Optim = Fixture.Load("nn/optim.json");

    public static TheoryData<string> Trajectories() => new(Optim.CaseNames.Where(n => !n.StartsWith("clip")));

    public static TheoryData<string> Clipping() => new(Optim.CaseNames.Where(n => n.StartsWith("clip")));

    [Theory]
    [MemberData(nameof(Trajectories))]
    public void Trajectory_MatchesPyTorch(string name)
    {
        FixtureCase c = Optim[name];
        Tensor[] ps = [c.Tensor("param0.initial").requires_grad_(), c.Tensor("param1.initial").requires_grad_()];
        optim.Optimizer optimizer = name switch
        {
            "SGD_plain" => optim.SGD(ps, 0.1),
            "SGD_momentum_dampening" => optim.SGD(ps, 0.05, momentum: 0.9, dampening: 0.1),
            "SGD_nesterov_weight_decay" => optim.SGD(ps, 0.05, momentum: 0.9, nesterov: true, weight_decay: 0.01),
            "Adam_default" => optim.Adam(ps),
            "Adam_lr001" => optim.Adam(ps, lr: 0.01),
            "Adam_weight_decay_amsgrad" => optim.Adam(ps, lr: 0.01, beta1: 0.8, beta2: 0.99, weight_decay: 0.1, amsgrad: true),
            "AdamW_weight_decay" => optim.AdamW(ps, lr: 0.01, weight_decay: 0.1),
            "RMSprop_default" => optim.RMSprop(ps),
            "RMSprop_centered_momentum" => optim.RMSprop(ps, lr: 0.01, alpha: 0.9, momentum: 0.5, centered: true, weight_decay: 0.01),
            "SGD_StepLR" => optim.SGD(ps, 0.1, momentum: 0.5),
            _ => throw new InvalidOperationException(name),
        };
        var scheduler = name.EndsWith("StepLR") ? optim.lr_scheduler.StepLR(optimizer, 5, 0.5) : null;
        Tensor storageBefore = ps[0];
        for (int step = 0; step < 20; step++)
        {
            for (int k = 0; k < ps.Length; k++) ps[k].grad = c.Tensor($"param{k}.grad{step}");
            optimizer.step();
            if (scheduler is not null)
            {
                scheduler.step();
                Assert.Equal(c.Number($"lr{step}"), scheduler.get_last_lr()[0], 12);
            }
            for (int k = 0; k < ps.Length; k++)
                TensorAssert.Close(c.Tensor($"param{k}.after{step}"), ps[k], $"step {step} param{k}", atol: 1e-8, rtol: 1e-7);
        }
        Assert.Same(storageBefore, ps[0]);
    }

    [Theory]
    [MemberData(nameof(Clipping))]
    public void ClipGradNorm_MatchesPyTorch(string name)
    {
        FixtureCase c = Optim[name];
        Tensor[] ps = [LocalTensorOps.Zeros([3, 4]).requires_grad_(), LocalTensorOps.Zeros([5]).requires_grad_()];
        for (int k = 0; k < ps.Length; k++) ps[k].grad = c.Tensor($"grad{k}.before");
        double total = nn.utils.clip_grad_norm_(ps, c.Number("max_norm"), c.Number("norm_type"));
        Assert.Equal(c.Number("total_norm"), total, 5);
        for (int k = 0; k < ps.Length; k++) TensorAssert.Close(c.Tensor($"grad{k}.after"), ps[k].grad, $"grad{k}", atol: 1e-7, rtol: 1e-6);
    }

    [Fact]
    public void ClipGradValue_Clamps()
    {
        Tensor p = LocalTensorOps.Zeros([4]).requires_grad_();
        p.grad = Tensor.FromContiguous(new[] { -2f, -0.5f, 0.25f, 3f }, [4]);
        nn.utils.clip_grad_value_([p], 1.0);
        Assert.Equal([-1f, -0.5f, 0.25f, 1f], p.grad.ToFloatArray());
    }

    [Fact]
    public void ZeroGrad_ZeroesInPlace_AndParamGroupsHaveTheirOwnRate()
    {
        Tensor a = LocalTensorOps.Zeros([2]).requires_grad_(), b = LocalTensorOps.Zeros([2]).requires_grad_();
        var sgd = optim.SGD([new optim.ParamGroup([a]), new optim.ParamGroup([b], lr: 1.0)], 0.1);
        a.grad = Tensor.FromContiguous(new[] { 1f, 1f }, [2]);
        b.grad = Tensor.FromContiguous(new[] { 1f, 1f }, [2]);
        Tensor gradBefore = a.grad;
        sgd.step();
        Assert.Equal([-0.1f, -0.1f], a.ToFloatArray());
        Assert.Equal([-1f, -1f], b.ToFloatArray());
        sgd.zero_grad();
        Assert.Same(gradBefore, a.grad);
        Assert.Equal([0f, 0f], a.grad!.ToFloatArray());
    }
}
