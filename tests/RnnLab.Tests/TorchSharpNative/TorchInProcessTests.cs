namespace RnnLab.Tests.TorchSharpNative;

/// <summary>TorchSharp works in this process after the start-up preload, and draws PyTorch's numbers.</summary>
public class TorchInProcessTests
{
    public static TheoryData<string> RandnCases => [.. TestFiles.PyTorchRandnCases().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(RandnCases))]
    public void Randn_AfterManualSeed_EqualsPyTorch(string name)
    {
        var c = TestFiles.PyTorchRandnCases().Single(c => c.Name == name);
        // The only tests that use TorchSharp's process-wide generator; xunit runs one class's tests one at a time.
        TorchSharp.torch.manual_seed(c.Seed);
        using var drawn = TorchSharp.torch.randn(c.Shape);
        float[] actual = drawn.data<float>().ToArray();
        Assert.Equal(c.Expected.Length, actual.Length);
        // PyTorch 1.13 (fixtures) and libtorch 2.10 share the samplers; vectorised code may round differently.
        Assert.All(Enumerable.Range(0, actual.Length), i => Assert.True(Math.Abs(actual[i] - c.Expected[i]) <= 1e-6,
            $"{name}[{i}]: {actual[i]} vs PyTorch {c.Expected[i]}"));
    }
}
