using RnnLab.Torch.Autograd;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Random;

/// <summary>The generator's engine, state and seeding contract, independent of fixtures.</summary>
public class GeneratorTests
{
    [Fact]
    public void Engine_is_the_standard_mt19937()
    {
        // C++ [rand.predef]: the 10000th output of a default-seeded std::mt19937 is 4123659995.
        var generator = new Generator(5489);
        uint last = 0;
        for (int i = 0; i < 10000; i++) last = generator.NextUInt32();
        Assert.Equal(4123659995u, last);
    }

    [Fact]
    public void Only_the_low_32_bits_of_the_seed_drive_the_engine_but_initial_seed_keeps_all_64()
    {
        var wide = new Generator((1UL << 32) + 5);
        var narrow = new Generator(5);
        Assert.Equal(narrow.NextUInt32(), wide.NextUInt32());
        Assert.Equal((1L << 32) + 5, wide.initial_seed());
        Assert.Equal(-1, new Generator().manual_seed(-1).initial_seed());
    }

    [Fact]
    public void Prints_its_seed_as_pytorch_reports_it()
    {
        Assert.Equal("torch.Generator(device=cpu, initial_seed=42)", new Generator(42).ToString());
        Assert.Equal("torch.Generator(device=cpu, initial_seed=18446744073709551615)", new Generator().manual_seed(-1).ToString());
    }

    [Fact]
    public void Random64_puts_the_first_draw_in_the_high_half()
    {
        var a = new Generator(77);
        var b = new Generator(77);
        ulong high = b.NextUInt32(), low = b.NextUInt32();
        Assert.Equal((high << 32) | low, a.NextUInt64());
    }

    [Fact]
    public void State_round_trip_replays_the_stream_including_the_cached_normal()
    {
        var generator = new Generator(3);
        randn([1], generator: generator); // leaves the second Box-Muller value cached
        Tensor state = generator.get_state();
        float[] first = randn([5], generator: generator).ToFloatArray();
        generator.set_state(state);
        float[] again = randn([5], generator: generator).ToFloatArray();
        Assert.Equal(first, again);
    }

    [Fact]
    public void Manual_seed_clears_the_cached_normal()
    {
        var generator = new Generator(3);
        float fresh = randn([1], generator: generator).ToFloatArray()[0];
        randn([1], generator: generator);
        generator.manual_seed(3);
        Assert.Equal(fresh, randn([1], generator: generator).ToFloatArray()[0]);
    }

    [Fact]
    public void Set_state_rejects_foreign_tensors()
    {
        var generator = new Generator(1);
        var error = Assert.Throws<ArgumentException>(() => generator.set_state(Tensor.FromContiguous(new float[5056], [5056])));
        Assert.Contains("get_state()", error.Message);
        Tensor state = generator.get_state();
        long[] corrupt = state.ToArray<long>();
        corrupt[2] = 700; // next index beyond the 624 words
        Assert.Throws<ArgumentException>(() => generator.set_state(Tensor.FromContiguous(corrupt, [corrupt.Length])));
    }

    [Fact]
    public void Seed_picks_a_fresh_seed_that_manual_seed_replays()
    {
        var generator = new Generator(0);
        long chosen = generator.seed();
        Assert.Equal(chosen, generator.initial_seed());
        float[] drawn = rand([4], generator: generator).ToFloatArray();
        Assert.Equal(drawn, rand([4], generator: new Generator(0).manual_seed(chosen)).ToFloatArray());
    }

    [Fact]
    public void Uniform_values_stay_inside_the_bounds()
    {
        var generator = new Generator(9);
        float[] values = torch.rand([10000], generator: generator).uniform_(-2, 3, generator).ToFloatArray();
        Assert.All(values, v => Assert.InRange(v, -2f, 3f));
        Assert.True(values.Max() > 2.9f && values.Min() < -1.9f);
    }
}
