using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Random;

/// <summary>The factory overloads a notebook writes resolve, shape their results and honour options.</summary>
[Collection(DefaultGeneratorCollection.Name)]
public class RandomFactoryTests
{
    [Fact]
    public void Overloads_give_the_requested_shapes()
    {
        var g = new Generator(2);
        Assert.Equal([5L], rand(5, generator: g).shape);
        Assert.Equal([2L, 3], rand(2, 3, generator: g).shape);
        Assert.Equal([5L, 3, 10], randn(5, 3, 10, generator: g).shape);
        Assert.Equal([2L, 3, 4, 5], randn([2, 3, 4, 5], generator: g).shape);
        Assert.Equal([3L, 4], randint(10, [3, 4], generator: g).shape);
        Assert.Equal(int64, randint(10, [3, 4], generator: g).dtype);
        Assert.Equal([7L], randperm(7, generator: g).shape);
        Assert.Equal([0L, 3], rand([0, 3], generator: g).shape);
    }

    [Fact]
    public void Params_overloads_draw_from_the_default_generator_like_the_explicit_ones()
    {
        manual_seed(31);
        float[] viaParams = randn(2, 3, 4, 5).ToFloatArray();
        float[] viaExplicit = randn([2, 3, 4, 5], generator: new Generator(31)).ToFloatArray();
        Assert.Equal(viaExplicit, viaParams);
    }

    [Fact]
    public void Options_are_honoured()
    {
        var g = new Generator(4);
        Tensor weights = randn([3, 2], requires_grad: true, generator: g);
        Assert.True(weights.requires_grad && weights.is_leaf);
        Tensor like = rand_like(weights);
        Assert.Equal(weights.shape, like.shape);
        Assert.False(like.requires_grad);
        Assert.Equal(weights.shape, randn_like(weights).shape);
        Assert.Contains("float32", Assert.Throws<NotSupportedException>(() => rand([2], dtype: int64, generator: g)).Message);
        Tensor asFloats = randperm(5, dtype: float32, generator: g);
        Assert.Equal([0f, 1, 2, 3, 4], asFloats.ToFloatArray().Order());
    }
}

