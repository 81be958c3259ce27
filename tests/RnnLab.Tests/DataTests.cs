using TorchSharp;
using static TorchSharp.torch;

namespace RnnLab.Tests;

public class DataTests
{
    [Fact]
    public void VocabularyEncodesABatch_AsInt64OnTheCpu()
    {
        var vocab = CharVocabulary.FromTexts(["ab", "ba"]);
        using var ids = vocab.Encode(["ab", "ba"]);
        Assert.Equal([2L, 2L], ids.shape);
        Assert.Equal(ScalarType.Int64, ids.dtype);
        Assert.Equal("cpu", ids.device.ToString());
        Assert.Equal(new long[] { 1, 2, 2, 1 }, ids.reshape(-1).data<long>().ToArray());
    }

    [Fact]
    public void VocabularyEncodesOnTheDeviceItIsGiven()
    {
        var vocab = CharVocabulary.FromTexts(["ab"]);
        using var ids = vocab.Encode(["ab"], CPU);
        Assert.Equal("cpu", ids.device.ToString());
    }

    [Fact]
    public void EncodingUnequalTexts_AsksForPadding()
    {
        var vocab = CharVocabulary.FromTexts(["abc", "a"]);
        var error = Assert.Throws<ArgumentException>(() => vocab.Encode(["abc", "a"]));
        Assert.Contains("pad them first", error.Message);
    }

    [Fact]
    public void EncodingNoTexts_IsRefused() =>
        Assert.Throws<ArgumentException>(() => CharVocabulary.FromTexts(["a"]).Encode(Array.Empty<string>()));
}
