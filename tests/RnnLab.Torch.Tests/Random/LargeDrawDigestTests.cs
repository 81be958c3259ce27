using System.Runtime.InteropServices;
using System.Security.Cryptography;
using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Random;

/// <summary>
/// A million draws hash to PyTorch's SHA-256 (tests/fixtures/rng/large.json): rounding slips in
/// the vectorised log/sincos that strike a few times per million values would change the digest.
/// </summary>
[Collection(DefaultGeneratorCollection.Name)]
public class LargeDrawDigestTests
{
    private static readonly Fixture Cases = Fixture.Load("rng/large.json");

    [Theory]
    [MemberData(nameof(RngFixtureCases.Large), MemberType = typeof(RngFixtureCases))]
    public void Digest_matches_pytorch(string name)
    {
        FixtureCase c = Cases[name];
        manual_seed(c.Long("seed"));
        long n = c.Long("n");
        Tensor drawn = c.String("op") switch
        {
            "rand" => rand([n]),
            "randn" => randn([n]),
            "uniform_" => UniformFixtureTests.zeros_for([n]).uniform_(c.Number("low"), c.Number("high")),
            "normal" => normal(c.Number("mean"), c.Number("std"), [n]),
            string op => throw new InvalidOperationException($"unknown op {op}"),
        };
        byte[] bytes = MemoryMarshal.AsBytes(drawn.ToFloatArray().AsSpan()).ToArray();
        Assert.True(BitConverter.IsLittleEndian, "digests are over little-endian float32 bytes");
        Assert.Equal(c.String("sha256"), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
