using RnnLab.Torch;

namespace RnnLab.Tests;

public class SamplingTests
{
    private static readonly torch.Tensor Logits = torch.tensor(new float[] { 0.5f, 2f, 1f, -1f });

    [Fact]
    public void Greedy_TakesTheLargestLogit() => Assert.Equal(1, Sampling.Greedy(Logits));

    [Fact]
    public void Probabilities_AreSoftmaxOfLogitsOverTemperature()
    {
        double[] p = Sampling.Probabilities(Logits, 2.0);
        double[] expected = [.. new[] { 0.25, 1.0, 0.5, -0.5 }.Select(Math.Exp)];
        double total = expected.Sum();
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i] / total, p[i], 12);
    }

    [Fact]
    public void SameSeed_SameDraws_DifferentSeed_DifferentDraws()
    {
        long[] Draw(long seed)
        {
            var generator = new torch.Generator().manual_seed(seed);
            return [.. Enumerable.Range(0, 20).Select(_ => Sampling.WithTemperature(Logits, 1.0, generator))];
        }
        Assert.Equal(Draw(7), Draw(7));
        Assert.NotEqual(Draw(7), Draw(8));
    }

    [Fact]
    public void DrawFrequencies_FollowTheProbabilities()
    {
        var generator = new torch.Generator().manual_seed(0);
        double[] p = Sampling.Probabilities(Logits, 1.0);
        var counts = new int[4];
        const int draws = 4000;
        for (int i = 0; i < draws; i++) counts[Sampling.WithTemperature(Logits, 1.0, generator)]++;
        for (int i = 0; i < 4; i++) Assert.InRange(counts[i] / (double)draws, p[i] - 0.03, p[i] + 0.03);
    }

    [Fact]
    public void TinyTemperature_IsGreedy()
    {
        var generator = new torch.Generator().manual_seed(3);
        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal(1, Sampling.WithTemperature(Logits, 1e-3, generator)));
    }

    [Fact]
    public void NonPositiveTemperature_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Sampling.Probabilities(Logits, 0));
}

public class CompletionTests
{
    [Fact]
    public void Greedy_AppendsTheTopScoringCharacterUntilTheLength()
    {
        var vocab = CharVocabulary.FromTexts(["ab"]);           // ' ', 'a', 'b'
        // A "model" that always scores the character after the last one read (a -> b -> ' ' -> a ...).
        torch.Tensor Model(torch.Tensor oneHot)
        {
            long last = oneHot[0, ^1].argmax().item<long>();
            var scores = torch.zeros(1, oneHot.shape[1], 3);
            scores[0, ^1, (last + 1) % 3] = torch.tensor(1f);
            return scores;
        }
        Assert.Equal("ab ab", Completion.Greedy(Model, vocab, "a", 5));
    }

    [Fact]
    public void Greedy_RejectsScoresOfTheWrongShape()
    {
        var vocab = CharVocabulary.FromTexts(["ab"]);
        var error = Assert.Throws<ArgumentException>(() => Completion.Greedy(x => torch.zeros(1, 2), vocab, "a", 3));
        Assert.Contains("(1, sequence, 3)", error.Message);
    }
}
