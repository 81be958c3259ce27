using RnnLab.Torch.Tests.Fixtures;

namespace RnnLab.Torch.Tests.Random;

/// <summary>Reads the plain (non-tensor) arguments a fixture case records.</summary>
internal static class FixtureArgs
{
    public static long Long(this FixtureCase c, string key) => c[key].GetInt64();

    public static long[] Longs(this FixtureCase c, string key) => c[key].EnumerateArray().Select(e => e.GetInt64()).ToArray();

    public static bool Bool(this FixtureCase c, string key) => c[key].GetBoolean();
}
