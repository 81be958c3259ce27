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
            default:
                Assert.Fail($"unknown op {c.String("op")}");
                break;
        }
    }
}
