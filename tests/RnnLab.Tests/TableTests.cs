namespace RnnLab.Tests;

public class TableTests
{
    [Fact]
    public void ToString_AlignsNumberColumnsRightAndTextLeft()
    {
        var table = new Table(["name", "loss"], [["tanh", 0.000150], ["relu", 0.25]]);
        Assert.Equal(
            "name      loss\n" +
            "----  --------\n" +
            "tanh  1.50e-04\n" +
            "relu      0.25", table.ToString());
    }

    [Fact]
    public void ToHtml_EscapesCellsAndKeepsCaption()
    {
        var table = new Table(["a<b"], [["x & y"]], caption: "c\"d");
        string html = table.ToHtml();
        Assert.Contains("<caption>c&quot;d</caption>", html);
        Assert.Contains("<th>a&lt;b</th>", html);
        Assert.Contains("<td>x &amp; y</td>", html);
    }

    [Fact]
    public void MimeBundle_HasPlainTextAndHtml()
    {
        var bundle = new Table(["k"], [[1]]).ToMimeBundle();
        Assert.Equal(["text/html", "text/plain"], bundle.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RowWithWrongCellCount_NamesTheColumns()
    {
        var error = Assert.Throws<ArgumentException>(() => new Table(["a", "b"], [[1]]));
        Assert.Contains("row 0 has 1 cells but the table has 2 columns (a, b)", error.Message);
    }

    [Theory]
    [InlineData(0.19583, "0.1958")]
    [InlineData(2.833213, "2.833")]
    [InlineData(1.19e-7, "1.19e-07")]
    [InlineData(0, "0")]
    [InlineData(123456.0, "1.23e+05")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(79180.0, "7.92e+04")]
    [InlineData(1319.4, "1319")]
    public void Numbers_PrintFourSignificantDigitsOrScientific(double value, string expected) =>
        Assert.Equal(expected, Numbers.Format(value));
}
