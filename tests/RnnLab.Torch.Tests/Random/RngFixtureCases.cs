using RnnLab.Torch.Tests.Fixtures;

namespace RnnLab.Torch.Tests.Random;

/// <summary>Case names of the fixture files written by tests/fixtures/generate_rng.py.</summary>
public static class RngFixtureCases
{
    public static TheoryData<string> Uniform => Names("rng/uniform.json");
    public static TheoryData<string> Normal => Names("rng/normal.json");
    public static TheoryData<string> Integers => Names("rng/integers.json");
    public static TheoryData<string> Init => Names("rng/init.json");
    public static TheoryData<string> Sampling => Names("rng/sampling.json");
    public static TheoryData<string> Large => Names("rng/large.json");

    private static TheoryData<string> Names(string file) => new(Fixture.Load(file).CaseNames);
}
