using TorchSharp;
using static TorchSharp.torch;

namespace RnnLab.Tests;

public class CompletionTests
{
    // A "model" that always scores the character after the last one read (a -> b -> ' ' -> a ...).
    private static Tensor Successor(Tensor oneHot)
    {
        long last = oneHot[0, -1].argmax().item<long>();
        var scores = zeros(1, oneHot.shape[1], 3);
        scores[0, -1, (last + 1) % 3] = tensor(1f);
        return scores;
    }

    [Fact]
    public void Greedy_AppendsTheTopScoringCharacterUntilTheLength()
    {
        var vocab = CharVocabulary.FromTexts(["ab"]);           // ' ', 'a', 'b'
        Assert.Equal("ab ab", Completion.Greedy(Successor, vocab, "a", 5));
    }

    [Fact]
    public void Greedy_FeedsTheModelFloat32OneHotRowsOnTheDevice()
    {
        var vocab = CharVocabulary.FromTexts(["ab"]);
        var seen = new List<string>();
        Completion.Greedy(x =>
        {
            seen.Add($"{Shapes.Of(x)} {x.dtype} {x.device} sum {x.sum().item<float>()}");
            return Successor(x);
        }, vocab, "ab", 4, CPU);
        Assert.Equal(["(1, 2, 3) Float32 cpu sum 2", "(1, 3, 3) Float32 cpu sum 3"], seen);
    }

    [Fact]
    public void Greedy_RejectsScoresOfTheWrongShape_NamingBothShapes()
    {
        var vocab = CharVocabulary.FromTexts(["ab"]);
        var error = Assert.Throws<ArgumentException>(() => Completion.Greedy(x => zeros(1, 2), vocab, "a", 3));
        Assert.Equal("logits", error.ParamName);
        Assert.StartsWith(
            "Completion.Greedy: logits must map the input torch.Size([1, 1, 3]) to scores of torch.Size([1, 1, 3]) "
            + "= (1, sequence, vocabulary), but returned torch.Size([1, 2])", error.Message);
    }

    [Fact]
    public void Greedy_RejectsComplexScores()
    {
        var vocab = CharVocabulary.FromTexts(["ab"]);
        var error = Assert.Throws<ArgumentException>(() =>
            Completion.Greedy(x => zeros(1, 1, 3, dtype: ScalarType.ComplexFloat32), vocab, "a", 3));
        Assert.StartsWith("Completion.Greedy: logits must have a real dtype, but got torch.complex64", error.Message);
    }
}
