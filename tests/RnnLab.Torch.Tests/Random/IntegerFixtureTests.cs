using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Random;

/// <summary>randint and randperm draw PyTorch's integers (tests/fixtures/rng/integers.json).</summary>
[Collection(DefaultGeneratorCollection.Name)]
public class IntegerFixtureTests
{
    private static readonly Fixture Cases = Fixture.Load("rng/integers.json");

    [Theory]
    [MemberData(nameof(RngFixtureCases.Integers), MemberType = typeof(RngFixtureCases))]
    public void Matches_pytorch(string name)
    {
        FixtureCase c = Cases[name];
        switch (c.String("op"))
        {
            case "randint":
                manual_seed(c.Long("seed"));
                BitExact.Longs(c.Tensor("expected"), randint(c.Long("low"), c.Long("high"), c.Longs("shape")), name);
                break;
            case "randint_float":
                manual_seed(c.Long("seed"));
                BitExact.Floats(c.Tensor("expected"), randint(c.Long("low"), c.Long("high"), c.Longs("shape"), dtype: float32), name);
                break;
            case "randperm":
                manual_seed(c.Long("seed"));
                BitExact.Longs(c.Tensor("expected"), randperm(c.Long("n")), name);
                break;
            case "randperm_generator":
                var generator = new Generator((ulong)c.Long("generator_seed"));
                BitExact.Longs(c.Tensor("first"), randperm(c.Long("n"), generator: generator), name + " first epoch");
                BitExact.Longs(c.Tensor("second"), randperm(c.Long("n"), generator: generator), name + " second epoch");
                break;
            case "random_":
                manual_seed(c.Long("seed"));
                if (c.String("dtype") == "int64")
                    BitExact.Longs(c.Tensor("expected"), Tensor.FromContiguous(new long[c.Longs("shape")[0]], c.Longs("shape")).random_(), name);
                else
                    BitExact.Floats(c.Tensor("expected"), UniformFixtureTests.zeros_for(c.Longs("shape")).random_(), name);
                break;
            case "dataloader_shuffle":
                manual_seed(c.Long("seed"));
                BitExact.Longs(c.Tensor("first"), DataLoaderEpochOrder(c.Long("n")), name + " first epoch");
                BitExact.Longs(c.Tensor("second"), DataLoaderEpochOrder(c.Long("n")), name + " second epoch");
                break;
            default:
                Assert.Fail($"unknown op {c.String("op")}");
                break;
        }
    }

    /// <summary>
    /// What PyTorch 1.13's DataLoader(shuffle=True) draws per epoch without a generator: creating the
    /// iterator takes a worker base seed (one int64 random_), then RandomSampler takes its own seed
    /// the same way and permutes with randperm on a fresh generator seeded with it.
    /// </summary>
    private static Tensor DataLoaderEpochOrder(long n)
    {
        Tensor DrawSeed() => Tensor.FromContiguous(new long[1], []).random_();
        DrawSeed(); // _BaseDataLoaderIter._base_seed
        long samplerSeed = DrawSeed().ToArray<long>()[0];
        return randperm(n, generator: new Generator().manual_seed(samplerSeed));
    }
}
