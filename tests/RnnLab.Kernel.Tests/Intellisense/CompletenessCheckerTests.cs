using RnnLab.Kernel.Intellisense;

namespace RnnLab.Kernel.Tests.Intellisense;

public class CompletenessCheckerTests
{
    [Theory]
    [InlineData("1 + 1")]
    [InlineData("var x = 1;")]
    [InlineData("class A { }")]
    [InlineData("#!time\nThread.Sleep(1);")]
    [InlineData("#!markdown\n# a title {")]
    [InlineData("#r \"nuget: Foo, 1.0\"\nvar y = 2;")]
    public void Complete(string code) => Assert.Equal(("complete", null), CompletenessChecker.Check(code));

    [Theory]
    [InlineData("if (true) {", "    ")]
    [InlineData("void F() {\n    if (x) {", "        ")]
    [InlineData("var y = 1 +", "    ")]
    [InlineData("var s = \"\"\"\nopen raw string", "    ")]
    [InlineData("Console.WriteLine(", "    ")]
    public void Incomplete_WithIndent(string code, string indent) => Assert.Equal(("incomplete", indent), CompletenessChecker.Check(code));

    [Theory]
    [InlineData("var x = 1 1;")]
    [InlineData("int 3x = 1;")]
    [InlineData("#!fsharp\nlet x = 1")]
    [InlineData("#!nonsense")]
    public void Invalid(string code) => Assert.Equal(("invalid", null), CompletenessChecker.Check(code));

    [Fact]
    public void CodePoints_ConvertBothWays()
    {
        string text = "a😀b";
        Assert.Equal(3, CodePoints.ToUtf16(text, 2));
        Assert.Equal(2, CodePoints.FromUtf16(text, 3));
        Assert.Equal(text.Length, CodePoints.ToUtf16(text, 99));
        Assert.Equal(3, CodePoints.FromUtf16(text, text.Length));
    }
}
