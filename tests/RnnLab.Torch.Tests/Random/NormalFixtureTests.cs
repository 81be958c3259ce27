using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Random;

/// <summary>
/// randn / normal give PyTorch's values bit for bit on both sides of the 16-element threshold,
/// including the scalar sampler's cached second value (tests/fixtures/rng/normal.json).
/// </summary>
[Collection(DefaultGeneratorCollection.Name)]
public class NormalFixtureTests
{
    private static readonly Fixture Cases = Fixture.Load("rng/normal.json");

    [Theory]
    [MemberData(nameof(RngFixtureCases.Normal), MemberType = typeof(RngFixtureCases))]
    public void Matches_pytorch(string name)
    {
        FixtureCase c = Cases[name];
        manual_seed(c.Long("seed"));
        switch (c.String("op"))
        {
            case "randn":
                if (c.Has("reseed_after_one"))
                {
                    randn(1);
                    manual_seed(c.Long("seed"));
                }
                BitExact.Floats(c.Tensor("expected"), randn(c.Longs("shape")), name);
                break;
            case "normal":
                BitExact.Floats(c.Tensor("expected"), normal(c.Number("mean"), c.Number("std"), c.Longs("shape")), name);
                break;
            case "randn_sequence":
                var shapes = c["shapes"].EnumerateArray().Select(s => s.EnumerateArray().Select(d => d.GetInt64()).ToArray()).ToArray();
                var parts = c["parts"].EnumerateArray().ToArray();
                for (int i = 0; i < shapes.Length; i++)
                {
                    float[] expected = parts[i].GetProperty("data").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
                    BitExact.Floats(Tensor.FromContiguous(expected, shapes[i]), randn(shapes[i]), $"{name} call {i}");
                }
                break;
            default:
                Assert.Fail($"unknown op {c.String("op")}");
                break;
        }
    }
}
