using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Random;

/// <summary>
/// nn.init functions, and the init sequences nn modules run at construction, reproduce PyTorch's
/// parameters bit for bit (tests/fixtures/rng/init.json).
/// </summary>
[Collection(DefaultGeneratorCollection.Name)]
public class InitFixtureTests
{
    private static readonly Fixture Cases = Fixture.Load("rng/init.json");

    [Theory]
    [MemberData(nameof(RngFixtureCases.Init), MemberType = typeof(RngFixtureCases))]
    public void Matches_pytorch(string name)
    {
        FixtureCase c = Cases[name];
        switch (c.String("op"))
        {
            case "kaiming_uniform_":
                manual_seed(c.Long("seed"));
                BitExact.Floats(c.Tensor("expected"), nn.init.kaiming_uniform_(Empty(c.Longs("shape")), a: c.Number("a")), name);
                break;
            case "xavier_uniform_":
                manual_seed(c.Long("seed"));
                BitExact.Floats(c.Tensor("expected"), nn.init.xavier_uniform_(Empty(c.Longs("shape"))), name);
                break;
            case "kaiming_normal_relu":
                manual_seed(c.Long("seed"));
                BitExact.Floats(c.Tensor("expected"),
                    nn.init.kaiming_normal_(Empty(c.Longs("shape")), nonlinearity: nn.init.NonlinearityType.ReLU), name);
                break;
            case "calculate_gain":
                Assert.Equal(c.Number("linear"), nn.init.calculate_gain(nn.init.NonlinearityType.Linear));
                Assert.Equal(c.Number("sigmoid"), nn.init.calculate_gain(nn.init.NonlinearityType.Sigmoid));
                Assert.Equal(c.Number("tanh"), nn.init.calculate_gain(nn.init.NonlinearityType.Tanh));
                Assert.Equal(c.Number("relu"), nn.init.calculate_gain(nn.init.NonlinearityType.ReLU));
                Assert.Equal(c.Number("leaky_relu"), nn.init.calculate_gain(nn.init.NonlinearityType.LeakyReLU));
                Assert.Equal(c.Number("leaky_relu_sqrt5"), nn.init.calculate_gain(nn.init.NonlinearityType.LeakyReLU, Math.Sqrt(5)));
                Assert.Equal(c.Number("selu"), nn.init.calculate_gain(nn.init.NonlinearityType.SELU));
                break;
            case "module":
                manual_seed(c.Long("seed"));
                ReplayModuleInit(name, c);
                break;
            default:
                Assert.Fail($"unknown op {c.String("op")}");
                break;
        }
    }

    /// <summary>
    /// The calls PyTorch's constructors make, in parameter order: Linear is kaiming_uniform_(a=√5) on
    /// the weight then U(±1/√fan_in) on the bias; recurrent layers draw U(±1/√hidden) for every
    /// parameter; Embedding draws N(0, 1).
    /// </summary>
    private static void ReplayModuleInit(string name, FixtureCase c)
    {
        string[] names = c["names"].EnumerateArray().Select(e => e.GetString()!).ToArray();
        Tensor? linearWeight = null;
        foreach (string parameter in names)
        {
            Tensor expected = c.Tensor(parameter);
            Tensor actual = Empty(expected.shape);
            if (name.StartsWith("linear", StringComparison.Ordinal))
            {
                if (parameter == "weight")
                {
                    nn.init.kaiming_uniform_(actual, a: Math.Sqrt(5));
                    linearWeight = actual;
                }
                else
                {
                    long fanIn = nn.init._calculate_fan_in_and_fan_out(linearWeight!).fan_in;
                    double bound = 1 / Math.Sqrt(fanIn);
                    nn.init.uniform_(actual, -bound, bound);
                }
            }
            else if (name.StartsWith("embedding", StringComparison.Ordinal))
            {
                nn.init.normal_(actual);
            }
            else
            {
                long hidden = c.Tensor(names[0]).shape[0] / (name.StartsWith("lstm", StringComparison.Ordinal) ? 4 : name.StartsWith("gru", StringComparison.Ordinal) ? 3 : 1);
                double stdv = 1.0 / Math.Sqrt(hidden);
                nn.init.uniform_(actual, -stdv, stdv);
            }
            BitExact.Floats(expected, actual, $"{name}.{parameter}");
        }
    }

    private static Tensor Empty(long[] shape) => UniformFixtureTests.zeros_for(shape);
}
