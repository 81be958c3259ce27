namespace RnnLab.Tests;

public class WindowsTests
{
    [Fact]
    public void Of_MakesEveryWindowAndItsNextItem()
    {
        var windows = Windows.Of([1, 2, 3, 4, 5], 3);
        Assert.Equal(2, windows.Count);
        Assert.Equal([1, 2, 3], windows[0].Input);
        Assert.Equal(4, windows[0].Next);
        Assert.Equal(5, windows[1].Next);
    }

    [Fact]
    public void Of_TooShortSeries_SaysHowLongItMustBe()
    {
        var error = Assert.Throws<ArgumentException>(() => Windows.Of([1, 2], 2));
        Assert.Contains("at least 3", error.Message);
    }
}
