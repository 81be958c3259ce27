using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Random;

/// <summary>rand / uniform_ give PyTorch's float32 values bit for bit (tests/fixtures/rng/uniform.json).</summary>
[Collection(DefaultGeneratorCollection.Name)]
public class UniformFixtureTests
{
    private static readonly Fixture Cases = Fixture.Load("rng/uniform.json");

    [Theory]
    [MemberData(nameof(RngFixtureCases.Uniform), MemberType = typeof(RngFixtureCases))]
    public void Matches_pytorch(string name)
    {
        FixtureCase c = Cases[name];
        manual_seed(c.Long("seed"));
        switch (c.String("op"))
        {
            case "rand":
                BitExact.Floats(c.Tensor("expected"), rand(c.Longs("shape")), name);
                break;
            case "uniform_":
                Tensor filled = zeros_for(c.Longs("shape")).uniform_(c.Number("low"), c.Number("high"));
                BitExact.Floats(c.Tensor("expected"), filled, name);
                break;
            case "rand_sequence":
                BitExact.Floats(c.Tensor("first"), rand(5), name + " first call");
                BitExact.Floats(c.Tensor("second"), rand(2, 3), name + " second call");
                break;
            case "rand_generator":
                var generator = new Generator((ulong)c.Long("generator_seed"));
                BitExact.Floats(c.Tensor("from_generator"), rand([6], generator: generator), name + " private generator");
                BitExact.Floats(c.Tensor("from_default"), rand(3), name + " default generator untouched");
                break;
            default:
                Assert.Fail($"unknown op {c.String("op")}");
                break;
        }
    }

    internal static Tensor zeros_for(long[] shape) => Tensor.FromContiguous(new float[shape.Aggregate(1L, (a, b) => a * b)], shape);
}
