using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Random;

/// <summary>Misuse fails with PyTorch-style messages that say what was wrong.</summary>
public class RandomErrorTests
{
    private static readonly Generator Source = new(1);

    [Fact]
    public void In_place_fill_of_a_leaf_that_requires_grad_needs_no_grad()
    {
        Tensor weight = Tensor.FromContiguous(new float[6], [2, 3]).requires_grad_();
        var error = Assert.Throws<InvalidOperationException>(() => weight.uniform_(-1, 1, Source));
        Assert.Equal("a leaf Variable that requires grad is being used in an in-place operation.", error.Message);
        using (no_grad()) weight.uniform_(-1, 1, Source);
        Assert.Contains(weight.ToFloatArray(), v => v != 0);
        nn.init.kaiming_uniform_(weight, generator: Source); // init functions run under no_grad themselves
        Assert.True(weight.requires_grad);
    }

    [Fact]
    public void Non_contiguous_and_non_float_targets_are_refused()
    {
        Tensor matrix = Tensor.FromContiguous(new float[6], [2, 3]);
        var transposed = new Tensor(matrix.Storage, [3, 2], [1, 3], 0, ScalarType.Float32);
        Assert.Contains("contiguous", Assert.Throws<NotSupportedException>(() => transposed.normal_(0, 1, Source)).Message);
        Tensor labels = Tensor.FromContiguous(new long[3], [3]);
        Assert.Contains("torch.int64", Assert.Throws<NotSupportedException>(() => labels.uniform_(0, 1, Source)).Message);
    }

    [Fact]
    public void Bad_arguments_name_the_values()
    {
        Tensor t = Tensor.FromContiguous(new float[3], [3]);
        Assert.Contains("from=2 > to=1", Assert.Throws<ArgumentException>(() => t.uniform_(2, 1, Source)).Message);
        Assert.Contains("std >= 0.0", Assert.Throws<ArgumentException>(() => t.normal_(0, -1, Source)).Message);
        Assert.Contains("from=5 >= to=5", Assert.Throws<ArgumentException>(() => randint(5, 5, [2], generator: Source)).Message);
        Assert.Contains("negative dimension -2: [3, -2]", Assert.Throws<ArgumentException>(() => rand([3, -2], generator: Source)).Message);
        Assert.Contains("non-negative", Assert.Throws<ArgumentException>(() => randperm(-1, generator: Source)).Message);
        Assert.Contains("fewer than 2 dimensions", Assert.Throws<ArgumentException>(() => nn.init.kaiming_uniform_(t)).Message);
        Assert.Contains("[0, 1]", Assert.Throws<ArgumentException>(() => t.bernoulli_(1.5, Source)).Message);
    }

    [Fact]
    public void Multinomial_checks_its_distribution()
    {
        Tensor probabilities = Tensor.FromContiguous([0.2f, 0.8f], [2]);
        Assert.Contains("without replacement", Assert.Throws<ArgumentException>(() => multinomial(probabilities, 3, generator: Source)).Message);
        Tensor zeros = Tensor.FromContiguous([0f, 0f], [2]);
        Assert.Contains("sum of probabilities", Assert.Throws<ArgumentException>(() => multinomial(zeros, 1, generator: Source)).Message);
        Tensor negative = Tensor.FromContiguous([0.5f, -0.1f], [2]);
        Assert.Contains("< 0", Assert.Throws<ArgumentException>(() => multinomial(negative, 2, true, Source)).Message);
    }

    [Fact]
    public void Cuda_requests_are_refused()
    {
        Assert.Contains("cuda", Assert.Throws<NotSupportedException>(() => rand([2], device: device("cuda"))).Message);
    }
}
