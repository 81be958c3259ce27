using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Core;

/// <summary>ToString() must equal PyTorch's str(tensor) character for character.</summary>
public class PrintingFixtureTests
{
    private static readonly Fixture Printing = Fixture.Load("core/printing.json");

    public static TheoryData<string> CaseNames => new(Printing.CaseNames);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void StrMatchesPyTorch(string name)
    {
        FixtureCase c = Printing[name];
        Tensor t = c.Tensor("tensor");
        Tensor shown = c.String("recipe") switch
        {
            "plain" => t,
            "requires_grad" => t.requires_grad_(),
            "times_two" => t.requires_grad_() * 2,
            "sum" => t.requires_grad_().sum(),
            "tanh" => t.requires_grad_().tanh(),
            string other => throw new ArgumentException(other),
        };
        Assert.Equal(c.String("str"), shown.ToString());
    }

    [Fact]
    public void PrintingIgnoresTheCurrentCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            string invariant = tensor(new[] { 1.5f, -2.25f }).ToString();
            // Globalization-invariant mode has no de-DE: a clone with a comma decimal separator stands in for it.
            var commaCulture = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            commaCulture.NumberFormat.NumberDecimalSeparator = ",";
            commaCulture.NumberFormat.NegativeSign = "−";
            System.Globalization.CultureInfo.CurrentCulture = commaCulture;
            Assert.Equal("1,5", 1.5.ToString());
            Assert.Equal(invariant, tensor(new[] { 1.5f, -2.25f }).ToString());
            Assert.Equal("tensor([ 1.5000, -2.2500])", invariant);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void MimeBundle_HasPlainTextAndEscapedHtmlTable()
    {
        Tensor t = tensor(new float[,] { { 0.1234f, -1.2f }, { 3f, 4.5f } }).requires_grad_();
        IReadOnlyDictionary<string, string> bundle = t.ToMimeBundle();
        Assert.Equal(t.ToString(), bundle["text/plain"]);
        string html = bundle["text/html"];
        Assert.StartsWith("<table", html);
        Assert.Contains("<td style=\"text-align:right;padding:0 0.5em\">-1.2000</td>", html);
        Assert.Contains("requires_grad=True", html);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain("<>", html);
    }

    [Fact]
    public void MimeBundle_UsesPreForLargeOrHighRankTensors_AndEscapesGradFn()
    {
        Tensor t = ones(2, 3, 4).requires_grad_() * 2;
        string html = t.ToMimeBundle()["text/html"];
        Assert.Contains("<pre>", html);
        Assert.Contains("grad_fn=&lt;MulBackward0&gt;", html);
        Assert.DoesNotContain("<MulBackward0>", html);
    }
}
