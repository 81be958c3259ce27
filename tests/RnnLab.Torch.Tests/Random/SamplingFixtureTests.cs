using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Random;

/// <summary>bernoulli, dropout masks, exponential_ and multinomial match PyTorch (tests/fixtures/rng/sampling.json).</summary>
[Collection(DefaultGeneratorCollection.Name)]
public class SamplingFixtureTests
{
    private static readonly Fixture Cases = Fixture.Load("rng/sampling.json");

    [Theory]
    [MemberData(nameof(RngFixtureCases.Sampling), MemberType = typeof(RngFixtureCases))]
    public void Matches_pytorch(string name)
    {
        FixtureCase c = Cases[name];
        manual_seed(c.Long("seed"));
        switch (c.String("op"))
        {
            case "bernoulli_":
                BitExact.Floats(c.Tensor("expected"), UniformFixtureTests.zeros_for(c.Longs("shape")).bernoulli_(c.Number("p")), name);
                break;
            case "bernoulli_tensor":
                BitExact.Floats(c.Tensor("expected"), bernoulli(c.Tensor("probs")), name);
                break;
            case "dropout":
                BitExact.Floats(c.Tensor("expected"), DropoutAsPyTorchBuildsIt(c.Tensor("input"), c.Number("p")), name);
                break;
            case "exponential_":
                BitExact.Floats(c.Tensor("expected"), UniformFixtureTests.zeros_for(c.Longs("shape")).exponential_(c.Number("lambd")), name);
                break;
            case "multinomial":
                BitExact.Longs(c.Tensor("expected"), multinomial(c.Tensor("probs"), c.Long("num_samples"), c.Bool("replacement")), name);
                break;
            default:
                Assert.Fail($"unknown op {c.String("op")}");
                break;
        }
    }

    /// <summary>
    /// The recipe the nn helper's Dropout follows: the input is drawn first (randn), then the mask
    /// empty.bernoulli_(1 - p), scaled by 1 / (1 - p) in float32, times the input.
    /// </summary>
    private static Tensor DropoutAsPyTorchBuildsIt(Tensor input, double p)
    {
        randn(input.shape); // the fixture drew its input from the same seed first
        Tensor mask = UniformFixtureTests.zeros_for(input.shape).bernoulli_(1 - p);
        float keep = (float)(1 - p);
        float[] x = input.ToFloatArray(), m = mask.ToFloatArray();
        for (int i = 0; i < x.Length; i++) x[i] *= m[i] / keep;
        return Tensor.FromContiguous(x, input.shape);
    }
}
