using RnnLab.Torch;

namespace RnnLab.Tests;

public class DataTests
{
    [Fact]
    public void SinCosPoints_LieOnTheUnitCircle()
    {
        var times = SinCos.Times(1000, 0, 100);
        var points = SinCos.Points(times);
        Assert.Equal([1000L, 2L], points.shape);
        var radius = points.square().sum(1).sqrt();
        Assert.True(radius.sub(1.0).abs().max().item<float>() < 1e-6);
        Assert.Equal(Math.Sin(100.0), points[999, 0].item<float>(), 5);
        Assert.Equal(Math.Cos(50.05005), points[500, 1].item<float>(), 4);
    }

    [Fact]
    public void StackedWindows_AreBatchFirstWithTheNextPointAsTarget()
    {
        // Two features, the article's 1..7 and 11..17.
        var series = torch.tensor(new float[] { 1, 11, 2, 12, 3, 13, 4, 14, 5, 15, 6, 16, 7, 17 }, [7, 2]);
        var (inputs, targets) = Windows.Stack(series, 3);
        Assert.Equal([4L, 3L, 2L], inputs.shape);
        Assert.Equal([4L, 2L], targets.shape);
        Assert.Equal(new float[] { 2, 12, 3, 13, 4, 14 }, inputs[1].reshape(-1).data<float>().ToArray());
        Assert.Equal(new float[] { 5, 15 }, targets[1].data<float>().ToArray());
    }

    [Fact]
    public void StackedWindows_NeedA2DSeries()
    {
        var error = Assert.Throws<ArgumentException>(() => Windows.Stack(torch.zeros(5), 2));
        Assert.Contains("(time, features)", error.Message);
    }

    [Fact]
    public void VocabularyEncodesABatchAndOneHotsIt()
    {
        var vocab = CharVocabulary.FromTexts(["ab", "ba"]);
        var ids = vocab.Encode(["ab", "ba"]);
        Assert.Equal([2L, 2L], ids.shape);
        Assert.Equal(new long[] { 1, 2, 2, 1 }, ids.reshape(-1).data<long>().ToArray());
        var hot = vocab.OneHot(ids);
        Assert.Equal([2L, 2L, 3L], hot.shape);
        Assert.Equal(4f, hot.sum().item<float>());
        Assert.Equal(1f, hot[0, 1, 2].item<float>());
    }

    [Fact]
    public void EncodingUnequalTexts_AsksForPadding()
    {
        var vocab = CharVocabulary.FromTexts(["abc", "a"]);
        var error = Assert.Throws<ArgumentException>(() => vocab.Encode(["abc", "a"]));
        Assert.Contains("pad them first", error.Message);
    }
}
