using RnnLab.Kernel.Execution;
using RnnLab.Kernel.Magics;

namespace RnnLab.Kernel.Tests.Magics;

public class MagicCommandTests
{
    [Fact]
    public void Parse_BlanksMagicLines_KeepingLineNumbers()
    {
        var cell = MagicCommandParser.Parse("#!csharp\n#!time\nvar x = 1;");
        Assert.Null(cell.Error);
        Assert.Equal("\n\nvar x = 1;", cell.Code);
        Assert.True(cell.Has(MagicCommands.Time));
        Assert.False(cell.Has("#!csharp"));
    }

    [Theory]
    [InlineData("#!fsharp", "#!fsharp is not supported by this kernel")]
    [InlineData("var a = 1;\n#!share --from fsharp x", "(line 2) the magic command #!share is not supported by this kernel")]
    [InlineData("#!value --name v", "#!value is not supported by this kernel")]
    [InlineData("#!connect jupyter", "#!connect is not supported by this kernel")]
    [InlineData("#!frobnicate", "unknown magic command #!frobnicate")]
    public void UnsupportedMagics_AreNamedInTheError(string code, string expected)
    {
        var cell = MagicCommandParser.Parse(code);
        Assert.Contains(expected, cell.Error);
        var error = MagicRunner.Run(cell, _ => throw new InvalidOperationException("must not run"), _ => { }, () => []);
        Assert.Equal("MagicCommandError", error!.Name);
    }

    [Fact]
    public void Shebang_IsNotAMagic() => Assert.Null(MagicCommandParser.Parse("#!/usr/bin/env dotnet\n1").Error);

    [Fact]
    public void HtmlAndMarkdown_DisplayTheRestOfTheCell_AfterTheCSharpBeforeIt()
    {
        var ran = new List<string>();
        var outputs = new List<CellOutput>();
        var cell = MagicCommandParser.Parse("var x = 1;\n#!markdown\n# Title\n\ntext");
        Assert.Null(MagicRunner.Run(cell, code => { ran.Add(code.Trim()); return null; }, outputs.Add, () => []));
        Assert.Equal(["var x = 1;"], ran);
        var shown = Assert.IsType<DisplayDataOutput>(Assert.Single(outputs));
        Assert.Equal("# Title\n\ntext", shown.Data[MimeTypes.Markdown]);

        outputs.Clear();
        MagicRunner.Run(MagicCommandParser.Parse("#!html\n<b>bold</b>"), _ => throw new InvalidOperationException("no C# here"), outputs.Add, () => []);
        Assert.Equal("<b>bold</b>", ((DisplayDataOutput)outputs.Single()).Data[MimeTypes.Html]);
    }

    [Fact]
    public void Time_ReportsTheWallTimeOfTheCSharp()
    {
        var outputs = new List<CellOutput>();
        MagicRunner.Run(MagicCommandParser.Parse("#!time\nwork"), _ => { Thread.Sleep(50); return null; }, outputs.Add, () => []);
        string text = ((DisplayDataOutput)outputs.Single()).Data[MimeTypes.PlainText];
        Assert.Matches(@"^Wall time: \d+\.\d ms$", text);
        Assert.InRange(double.Parse(text[11..^3], System.Globalization.CultureInfo.InvariantCulture), 45, 5000);
        Assert.Equal("Wall time: 1.500 s", MagicRunner.WallTime(TimeSpan.FromMilliseconds(1500)));
    }

    [Fact]
    public void Who_And_Whos_ListVariables_WithTypeAndShortValue()
    {
        var variables = new List<SessionVariable>
        {
            new("rate", typeof(double), 0.5),
            new("names", typeof(List<string>), new List<string> { "a", "b" }),
            new("long", typeof(string), new string('x', 200)),
        };
        var outputs = new List<CellOutput>();
        MagicRunner.Run(MagicCommandParser.Parse("#!who\n#!whos"), _ => null, outputs.Add, () => variables);
        var who = (DisplayDataOutput)outputs[0];
        Assert.Equal("rate\tnames\tlong", who.Data[MimeTypes.PlainText]);
        var whos = ((DisplayDataOutput)outputs[1]).Data;
        string[] lines = whos[MimeTypes.PlainText].Split('\n');
        Assert.Equal("Variable  Type          Value", lines[0]);
        Assert.Equal("rate      double        0.5", lines[2]);
        Assert.Equal("names     List<string>  [\"a\", \"b\"]", lines[3]);
        Assert.EndsWith("xxx...", lines[4]);
        Assert.Contains("<td>List&lt;string&gt;</td>", whos[MimeTypes.Html]);
    }

    [Fact]
    public void LsMagic_ListsSupportedMagicsAndDirectives()
    {
        var outputs = new List<CellOutput>();
        MagicRunner.Run(MagicCommandParser.Parse("#!lsmagic"), _ => throw new InvalidOperationException(), outputs.Add, () => []);
        string text = ((DisplayDataOutput)outputs.Single()).Data[MimeTypes.PlainText];
        foreach (string name in new[] { "#!time", "#!who", "#!whos", "#!html", "#!markdown", "#:project", "#!fsharp" })
            Assert.Contains(name, text);
    }

    [Fact]
    public void ACSharpError_StopsTheMagicOutputs()
    {
        var outputs = new List<CellOutput>();
        var failure = new ErrorOutput("X", "boom", ["boom"]);
        Assert.Same(failure, MagicRunner.Run(MagicCommandParser.Parse("#!time\nbad"), _ => failure, outputs.Add, () => []));
        Assert.Empty(outputs);
    }
}
