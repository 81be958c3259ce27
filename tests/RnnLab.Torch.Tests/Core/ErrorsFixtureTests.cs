using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Core;

/// <summary>Our error messages contain PyTorch's own message for the same mistake.</summary>
public class ErrorsFixtureTests
{
    private static readonly Fixture Errors = Fixture.Load("core/errors.json");

    /// <summary>The same mistakes in C#. item_many is left out: PyTorch's text there names Python scalars.</summary>
    private static readonly Dictionary<string, Action> Mistakes = new()
    {
        ["mm_shapes"] = () => mm(zeros(3, 4), zeros(5, 6)),
        ["matmul_2d"] = () => matmul(zeros(3, 4), zeros(5, 6)),
        ["broadcast"] = () => _ = zeros(2, 3) + zeros(2, 4),
        ["broadcast_3d"] = () => _ = zeros(5, 2, 3) * zeros(4, 1, 3),
        ["view_not_viewable"] = () => zeros(3, 4).t().view(12),
        ["view_bad_size"] = () => zeros(3, 4).view(5, -1),
        ["view_two_inferred"] = () => zeros(3, 4).view(-1, -1),
        ["dim_out_of_range"] = () => zeros(3, 4).sum(2),
        ["dim_out_of_range_negative"] = () => zeros(3, 4).softmax(-3),
        ["select_out_of_range"] = () => zeros(3, 4).select(1, 4),
        ["index_out_of_range"] = () => _ = zeros(3, 4)[3],
        ["too_many_indices"] = () => _ = zeros(3, 4)[0, 0, 0],
        ["expand"] = () => zeros(3, 2).expand(3, 4),
        ["cat_sizes"] = () => cat([zeros(2, 3), zeros(2, 4)], 0),
        ["stack_sizes"] = () => stack([zeros(2, 3), zeros(3, 2)]),
        ["bmm_sizes"] = () => bmm(zeros(2, 3, 4), zeros(2, 5, 6)),
        ["dot_sizes"] = () => matmul(zeros(3), zeros(4)),
        ["leaf_inplace"] = () => zeros(3, requires_grad: true).add_(1),
        ["backward_non_scalar"] = () => (zeros(3, requires_grad: true) * 2).backward(),
        ["requires_grad_int"] = () => zeros(3, dtype: int64).requires_grad_(),
        ["mean_int"] = () => arange(3).mean(),
        ["permute_len"] = () => zeros(2, 3).permute(0),
        ["split_sizes"] = () => zeros(5).split([2, 2]),
        ["narrow_length"] = () => zeros(5).narrow(0, 3, 3),
    };

    public static TheoryData<string> CaseNames => new(Mistakes.Keys);

    [Fact]
    public void EveryFixtureErrorIsCovered()
    {
        Assert.Equal(Errors.CaseNames.Where(n => n != "item_many").Order(), Mistakes.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MessageContainsPyTorchs(string name)
    {
        var error = Assert.ThrowsAny<Exception>(Mistakes[name]);
        Assert.Contains(Errors[name].String("message"), error.Message);
    }

    [Fact]
    public void ItemOnManyElements_AndWrongType_AreClear()
    {
        Assert.Contains("3 elements cannot be converted to Scalar", Assert.Throws<ArgumentException>(() => zeros(3).item<float>()).Message);
        Assert.Contains("item<Int64>", Assert.Throws<ArgumentException>(() => arange(1).item<float>()).Message);
        Assert.Equal(5L, tensor(5).item<long>());
    }
}
