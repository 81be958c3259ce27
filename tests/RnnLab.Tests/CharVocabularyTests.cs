namespace RnnLab.Tests;

public class CharVocabularyTests
{
    private static readonly string[] Sentences = ["hey how are you", "good i am fine", "have a nice day"];

    [Fact]
    public void FromTexts_IsSortedAndHoldsThePad()
    {
        var vocab = CharVocabulary.FromTexts(Sentences);
        Assert.Equal(" acdefghimnoruvwy", vocab.Chars);
        Assert.Equal(17, vocab.Size);
        Assert.Equal(0, vocab.IndexOf(' '));
    }

    [Fact]
    public void PadIsAddedWhenTheTextsLackIt()
    {
        var vocab = CharVocabulary.FromTexts(["ab"], pad: '_');
        Assert.Equal("_ab", vocab.Chars);
    }

    [Fact]
    public void EncodeThenDecode_RoundTrips()
    {
        var vocab = CharVocabulary.FromTexts(Sentences);
        long[] ids = vocab.Encode("good");
        Assert.Equal([6, 11, 11, 3], ids);
        Assert.Equal("good", vocab.Decode(ids));
    }

    [Fact]
    public void UnknownCharacter_IsNamed()
    {
        var vocab = CharVocabulary.FromTexts(Sentences);
        var error = Assert.Throws<ArgumentException>(() => vocab.Encode("gz"));
        Assert.Contains("'z' is not in the vocabulary", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => vocab.Decode([17]));
    }

    [Fact]
    public void PadToLongest_PadsOnTheRight()
    {
        var vocab = CharVocabulary.FromTexts(Sentences);
        Assert.Equal(["hey how are you", "good i am fine ", "have a nice day"], vocab.PadToLongest(Sentences));
    }

    [Fact]
    public void Table_ShowsTheSpaceVisibly()
    {
        var table = CharVocabulary.FromTexts(["ab"]).ToTable();
        Assert.Equal(["0", "' '"], table.Rows[0]);
    }
}
