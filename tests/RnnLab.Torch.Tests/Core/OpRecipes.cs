using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Core;

/// <summary>
/// The C# side of tests/fixtures/generate_core.py: the same op and layout recipes by name, so a
/// fixture case replays exactly what PyTorch ran.
/// </summary>
internal static class OpRecipes
{
    /// <summary>Applies a layout recipe ("t", "permute:2,0,1", "expand:3,4", "slice1") to a leaf.</summary>
    public static Tensor Prep(Tensor t, string recipe)
    {
        if (recipe.Length == 0) return t;
        string[] parts = recipe.Split(':');
        long[] nums = parts.Length > 1 ? parts[1].Split(',').Select(long.Parse).ToArray() : [];
        return parts[0] switch
        {
            "t" => t.t(),
            "permute" => t.permute(nums),
            "expand" => t.expand(nums),
            "slice1" => t[.., TensorIndex.Slice(null, null, 2)],
            _ => throw new ArgumentException("unknown recipe " + recipe),
        };
    }

    /// <summary>Ops returning one tensor, or (values, indexes) for max/min along a dim.</summary>
    public static readonly Dictionary<string, Func<Tensor[], (Tensor Out, Tensor? Indexes)>> Ops = new()
    {
        ["neg"] = x => (x[0].neg(), null),
        ["exp"] = x => (x[0].exp(), null),
        ["log"] = x => (x[0].log(), null),
        ["sqrt"] = x => (x[0].sqrt(), null),
        ["abs"] = x => (x[0].abs(), null),
        ["tanh"] = x => (x[0].tanh(), null),
        ["sigmoid"] = x => (x[0].sigmoid(), null),
        ["relu"] = x => (x[0].relu(), null),
        ["sin"] = x => (x[0].sin(), null),
        ["cos"] = x => (x[0].cos(), null),
        ["square"] = x => (x[0].square(), null),
        ["clamp"] = x => (x[0].clamp(-0.5, 0.7), null),
        ["clamp_min"] = x => (x[0].clamp(min: 0.1), null),
        ["pow_scalar"] = x => (x[0].pow(2.5), null),
        ["pow_int"] = x => (x[0].pow(3), null),
        ["reciprocal"] = x => (x[0].reciprocal(), null),
        ["add"] = x => (x[0] + x[1], null),
        ["sub"] = x => (x[0] - x[1], null),
        ["mul"] = x => (x[0] * x[1], null),
        ["div"] = x => (x[0] / x[1], null),
        ["pow"] = x => (x[0].pow(x[1]), null),
        ["add_alpha"] = x => (add(x[0], x[1], alpha: 2.5), null),
        ["add_scalar"] = x => (x[0] + 1.5, null),
        ["rsub_scalar"] = x => (2.0 - x[0], null),
        ["mul_scalar"] = x => (x[0] * 3, null),
        ["div_scalar"] = x => (x[0] / 4.0, null),
        ["rdiv_scalar"] = x => (2.0 / x[0], null),
        ["maximum"] = x => (maximum(x[0], x[1]), null),
        ["minimum"] = x => (minimum(x[0], x[1]), null),
        ["sum"] = x => (x[0].sum(), null),
        ["sum_dim1"] = x => (x[0].sum(1), null),
        ["sum_dim_keep"] = x => (x[0].sum(-1, keepdim: true), null),
        ["sum_dims02"] = x => (x[0].sum([0, 2]), null),
        ["mean"] = x => (x[0].mean(), null),
        ["mean_dim0"] = x => (x[0].mean(0), null),
        ["mean_dims_keep"] = x => (x[0].mean([1, 2], keepdim: true), null),
        ["max_all"] = x => (x[0].max(), null),
        ["min_all"] = x => (x[0].min(), null),
        ["max_dim1"] = x => x[0].max(1),
        ["min_dim0_keep"] = x => x[0].min(0, keepdim: true),
        ["argmax_dim1"] = x => (x[0].argmax(1), null),
        ["argmax_all"] = x => (x[0].argmax(), null),
        ["softmax1"] = x => (x[0].softmax(1), null),
        ["softmax0"] = x => (x[0].softmax(0), null),
        ["log_softmax_last"] = x => (x[0].log_softmax(-1), null),
        ["matmul"] = x => (x[0].matmul(x[1]), null),
        ["mm"] = x => (x[0].mm(x[1]), null),
        ["bmm"] = x => (x[0].bmm(x[1]), null),
        ["cat0"] = x => (cat([x[0], x[1]], 0), null),
        ["cat1"] = x => (cat([x[0], x[1]], 1), null),
        ["stack1"] = x => (stack([x[0], x[1]], 1), null),
        ["where_gt0"] = x => (where(x[0] > 0, x[0], x[1]), null),
        ["gather1"] = x => (x[0].gather(1, x[1]), null),
        ["index_select0"] = x => (x[0].index_select(0, x[1]), null),
        ["masked_fill"] = x => (x[0].masked_fill(x[1], -2.0), null),
        ["narrow"] = x => (x[0].narrow(1, 1, 2), null),
        ["select"] = x => (x[0].select(0, -1), null),
        ["index_mixed"] = x => (x[0][1.., TensorIndex.None, -1, TensorIndex.Slice(null, null, 2)], null),
        ["index_ellipsis"] = x => (x[0][TensorIndex.Ellipsis, 1], null),
        ["index_tensor"] = x => (x[0][x[1]], null),
        ["permute"] = x => (x[0].permute(2, 0, 1), null),
        ["transpose"] = x => (x[0].transpose(0, 2), null),
        ["view"] = x => (x[0].view(-1, 4), null),
        ["reshape_t"] = x => (x[0].t().reshape(-1), null),
        ["flatten"] = x => (x[0].flatten(1), null),
        ["expand"] = x => (x[0].expand(2, 3, 4), null),
        ["squeeze_unsqueeze"] = x => (x[0].squeeze(1).unsqueeze(0), null),
        ["chunk_weighted"] = x => (x[0].chunk(3, 1).Select((c, i) => c.sum() * (i + 1)).Aggregate((a, b) => a + b), null),
        ["split_sizes"] = x => (x[0].split([1, 3], 1)[1], null),
        ["unbind_last"] = x => (x[0].unbind(0)[^1], null),
        ["clone"] = x => (x[0].clone(), null),
        ["contiguous_t"] = x => (x[0].t().contiguous(), null),
    };
}
