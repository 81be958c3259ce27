using static TorchSharp.torch;

namespace RnnLab.Tests;

/// <summary>Tests that set process-wide environment variables: never in parallel with each other.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public class EnvironmentCollection;

[Collection(nameof(EnvironmentCollection))]
public class TorchThreadsTests
{
    private static T With<T>(string? value, Func<T> action)
    {
        string? before = Environment.GetEnvironmentVariable(TorchThreads.Variable);
        Environment.SetEnvironmentVariable(TorchThreads.Variable, value);
        try { return action(); }
        finally { Environment.SetEnvironmentVariable(TorchThreads.Variable, before); }
    }

    [Fact]
    public void LoadingTheLibrary_LeavesLibtorchOnOneThread()
    {
        // The module initializer has run: this test touches an RnnLab type first.
        Assert.Equal(1, TorchThreads.Default);
        if (Environment.GetEnvironmentVariable(TorchThreads.Variable) is null)
            Assert.Equal(1, get_num_threads());
    }

    [Fact]
    public void Unset_MeansOne() => Assert.Equal(1, With(null, TorchThreads.Configured));

    [Fact]
    public void APositiveInteger_IsTheThreadCount() => Assert.Equal(2, With(" 2 ", TorchThreads.Configured));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("1.5")]
    public void AnythingElse_IsRefused_NamingTheVariable(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => With(value, TorchThreads.Configured));
        Assert.Equal($"RNNLAB_TORCH_THREADS must be a positive integer (a thread count), not \"{value}\"", error.Message);
    }

    [Fact]
    public void Apply_SetsLibtorchsThreadCount()
    {
        try
        {
            Assert.Equal(2, With("2", TorchThreads.Apply));
            Assert.Equal(2, get_num_threads());
        }
        finally
        {
            With("1", TorchThreads.Apply);
        }
        Assert.Equal(1, get_num_threads());
    }
}
