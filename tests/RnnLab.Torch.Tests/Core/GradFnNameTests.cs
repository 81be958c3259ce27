using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Core;

/// <summary>grad_fn names equal PyTorch's, since printed tensors show them (grad_fn=&lt;MulBackward0&gt;).</summary>
public class GradFnNameTests
{
    private static readonly Fixture Names = Fixture.Load("core/grad_fn.json");

    private static readonly Dictionary<string, Func<Tensor, Tensor, Tensor>> Recipes = new()
    {
        ["t"] = (x, _) => x.t(), ["T"] = (x, _) => x.T, ["narrow"] = (x, _) => x.narrow(1, 0, 2),
        ["slice"] = (x, _) => x[1..], ["select"] = (x, _) => x[0], ["unsqueeze"] = (x, _) => x[TensorIndex.None],
        ["squeeze_dim"] = (x, _) => x.unsqueeze(1).squeeze(1), ["squeeze_all"] = (x, _) => x.unsqueeze(1).squeeze(),
        ["stack"] = (x, _) => stack([x, x]), ["cat"] = (x, _) => cat([x, x]),
        ["unbind"] = (x, _) => x.unbind(0)[0], ["split"] = (x, _) => x.split(2, 1)[0], ["chunk"] = (x, _) => x.chunk(2, 1)[0],
        ["reshape_view"] = (x, _) => x.reshape(12), ["reshape_copy"] = (x, _) => x.t().reshape(12),
        ["flatten"] = (_, y) => y.flatten(1), ["matmul_3d_2d"] = (x, y) => y.matmul(x.t()),
        ["matmul_mv"] = (x, _) => x.matmul(x[0]), ["dot"] = (x, _) => x[0].matmul(x[1]), ["rdiv"] = (x, _) => 2.0 / x,
        ["rsub"] = (x, _) => 2.0 - x, ["contiguous"] = (x, _) => x.t().contiguous(), ["clone"] = (x, _) => x.clone(),
        ["expand"] = (x, _) => x[..1].expand(3, 4), ["index_tensor"] = (x, _) => x[tensor(new long[] { 0, 2 })],
        ["mask"] = (x, _) => x[x > 0], ["max_all"] = (x, _) => x.max(), ["softmax"] = (x, _) => x.softmax(1),
        ["log_softmax"] = (x, _) => x.log_softmax(1), ["relu"] = (x, _) => x.relu(), ["pow"] = (x, _) => x.pow(2),
        ["square"] = (x, _) => x.square(), ["abs"] = (x, _) => x.abs(), ["mean_all"] = (x, _) => x.mean(),
        ["mean_dim"] = (x, _) => x.mean(1), ["sum_all"] = (x, _) => x.sum(), ["sum_dim"] = (x, _) => x.sum(1),
        ["permute"] = (_, y) => y.permute(2, 0, 1), ["transpose"] = (_, y) => y.transpose(0, 1),
        ["view"] = (x, _) => x.view(12), ["sigmoid"] = (x, _) => x.sigmoid(), ["tanh"] = (x, _) => x.tanh(),
        ["where"] = (x, _) => where(x > 0, x, x * 2), ["clamp_min"] = (x, _) => x.clamp(min: 0),
        ["mm"] = (x, _) => x.mm(x.t()), ["bmm"] = (_, y) => y.bmm(y.transpose(1, 2)), ["neg"] = (x, _) => -x,
        ["sub_scalar"] = (x, _) => x - 1, ["add"] = (x, _) => x + x, ["mul_scalar"] = (x, _) => x * 2,
        ["div"] = (x, _) => x / x, ["exp"] = (x, _) => x.exp(), ["gather"] = (x, _) => x.gather(1, tensor(new long[,] { { 0 }, { 1 }, { 2 } })),
        ["index_select"] = (x, _) => x.index_select(0, tensor(new long[] { 1 })), ["masked_fill"] = (x, _) => x.masked_fill(x > 0, 0.0),
        ["max_dim"] = (x, _) => x.max(1).values, ["maximum"] = (x, _) => maximum(x, x * 2),
    };

    public static TheoryData<string> CaseNames => new(Names.CaseNames);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void GradFnNameMatchesPyTorch(string name)
    {
        Tensor x = linspace(-1, 1, 12).view(3, 4).detach().requires_grad_();
        Tensor y = linspace(-2, 2, 24).view(2, 3, 4).detach().requires_grad_();
        Assert.Equal(Names[name].String("name"), Recipes[name](x, y).grad_fn!.name());
    }
}
