using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Core;

/// <summary>Views must have PyTorch's exact shape, strides, offset and contiguity, and share storage.</summary>
public class ViewsFixtureTests
{
    private static readonly Fixture Views = Fixture.Load("core/views.json");

    public static TheoryData<string> CaseNames => new(Views.CaseNames);

    private static readonly Dictionary<string, Func<Tensor, Tensor>> Recipes = new()
    {
        ["permute"] = x => x.permute(2, 0, 1),
        ["transpose"] = x => x.transpose(0, 1),
        ["mT"] = x => x.mT,
        ["slice_cols"] = x => x[.., 1..3],
        ["slice_step"] = x => x[TensorIndex.Ellipsis, TensorIndex.Slice(step: 2)],
        ["slice_negative"] = x => x[-1, ^2..],
        ["newaxis"] = x => x[TensorIndex.None, 1],
        ["newaxis_middle"] = x => x[.., TensorIndex.None, .., TensorIndex.None],
        ["unsqueeze"] = x => x.unsqueeze(1),
        ["unsqueeze_last"] = x => x.unsqueeze(-1),
        ["expand"] = x => x[.., ..1].expand(2, 3, 4),
        ["narrow"] = x => x.narrow(2, 1, 2),
        ["select"] = x => x.select(1, 2),
        ["view"] = x => x.view(6, -1),
        ["view_narrowed"] = x => x.narrow(0, 1, 1).view(3, 4),
        ["view_transposed_ok"] = x => x.transpose(1, 2).view(2, 4, 3)[0].t(),
        ["reshape_permuted"] = x => x.permute(2, 0, 1).reshape(4, 6),
        ["flatten"] = x => x.flatten(),
        ["flatten_transposed"] = x => x.transpose(0, 2).flatten(1),
        ["squeeze_all"] = x => x[.., ..1, TensorIndex.None].squeeze(),
        ["chunk_last"] = x => x.chunk(3, 2)[^1],
        ["split_first"] = x => x.split(2, 1)[0],
        ["T"] = x => x.T,
        ["index_ints"] = x => x[1, 2],
        ["range_from_end"] = x => x[.., ..^1],
    };

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ViewMatchesPyTorchLayout(string name)
    {
        FixtureCase c = Views[name];
        Tensor baseTensor = arange(24, dtype: float32).reshape(2, 3, 4);
        Tensor v = Recipes[name](baseTensor);

        Assert.Equal(c.Shape("values"), v.shape);
        Assert.Equal(c["stride"].EnumerateArray().Select(e => e.GetInt64()), v.stride());
        Assert.Equal(c["offset"].GetInt64(), v.Offset);
        Assert.Equal(c["contiguous"].GetBoolean(), v.is_contiguous());
        TensorAssert.Close(c.Tensor("values"), v, 0, 0, name);
        Assert.Equal(c["shares_storage"].GetBoolean(), ReferenceEquals(v.Storage, baseTensor.Storage));
    }

    [Fact]
    public void WritingThroughAViewChangesTheBase()
    {
        Tensor x = zeros(2, 3);
        x.t()[1].fill_(7);
        x[.., 2] = tensor(new float[] { 1, 2 });
        Assert.Equal(new float[] { 0, 7, 1, 0, 7, 2 }, x.data<float>().ToArray());
    }

    [Fact]
    public void ExpandHasZeroStrides_AndReducesGradientBack()
    {
        Tensor x = tensor(new float[] { 1, 2, 3 }, requires_grad: true);
        Tensor e = x.unsqueeze(0).expand(4, -1);
        Assert.Equal(new long[] { 0, 1 }, e.stride());
        e.sum().backward();
        Assert.Equal(new float[] { 4, 4, 4 }, x.grad!.data<float>().ToArray());
    }

    [Fact]
    public void ViewOfTransposed_FailsWithPyTorchsAdvice_ReshapeCopies()
    {
        Tensor t = arange(12, dtype: float32).view(3, 4).t();
        var error = Assert.Throws<InvalidOperationException>(() => t.view(12));
        Assert.Contains("Use .reshape(...) instead", error.Message);
        Tensor r = t.reshape(12);
        Assert.False(ReferenceEquals(r.Storage, t.Storage));
        Assert.Equal(new float[] { 0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11 }, r.data<float>().ToArray());
    }

    [Fact]
    public void IndexSpellings_AgreeWithEachOther()
    {
        Tensor x = arange(24).view(2, 3, 4);
        Assert.True(x[TensorIndex.Colon, (1, 3)].equal(x[.., 1..3]));
        Assert.True(x[TensorIndex.Slice(-2, null)].equal(x[^2..]));
        Assert.True(x[TensorIndex.Ellipsis, ^1].equal(x[.., .., 3]));
        Assert.Equal(new long[] { 0, 2, 3, 4 }, x[false].shape); // PyTorch's x[False]: an empty new axis
        Assert.Equal(new long[] { 1, 2, 3, 4 }, x[true].shape);
        Assert.Equal(new long[] { 2, 2 }, x[.., 1, TensorIndex.Slice(1, null, 2)].shape);
        Assert.Equal(23L, x[-1, -1, -1].item<long>());
    }

    [Fact]
    public void ChunkAndSplit_GiveViewsWithPyTorchSizes()
    {
        Tensor x = arange(10);
        Assert.Equal(new long[] { 4, 4, 2 }, x.chunk(3).Select(c => c.shape[0]));
        Assert.Equal(new long[] { 3, 3, 3, 1 }, x.split(3).Select(c => c.shape[0]));
        Assert.All(x.unbind(), piece => Assert.Same(x.Storage, piece.Storage));
    }
}
