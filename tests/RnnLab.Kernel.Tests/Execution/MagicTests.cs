using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Tests.Execution;

public class MagicTests
{
    private static IReadOnlyDictionary<string, string> SingleDisplay(List<CellOutput> outputs) =>
        Assert.Single(outputs.OfType<DisplayDataOutput>()).Data;

    [Fact]
    public void Time_ReportsWallTime_AfterTheCellsOutputs()
    {
        var (result, outputs) = new SessionHarness().Run("#!time\nThread.Sleep(50);\nConsole.WriteLine(\"done\");");
        Assert.True(result.Succeeded);
        Assert.IsType<StreamOutput>(outputs[0]);
        string text = SingleDisplay(outputs)[MimeTypes.PlainText];
        Assert.Matches(@"^Wall time: \d+\.\d ms$", text);
        Assert.True(double.Parse(text[11..^3], System.Globalization.CultureInfo.InvariantCulture) >= 50, text);
    }

    [Fact]
    public void WhoAndWhos_ListTheLatestVariables()
    {
        var harness = new SessionHarness();
        harness.Run("var count = 3;\nvar name = \"rnn\";\nvar count2 = new List<int> { 1 };");
        harness.Run("var name = 42;");
        Assert.Equal("count\tname\tcount2", SingleDisplay(harness.Run("#!who").Outputs)[MimeTypes.PlainText]);
        var whos = SingleDisplay(harness.Run("#!whos").Outputs);
        Assert.Contains("<tr><td>name</td><td>Int32</td><td>42</td></tr>", whos[MimeTypes.Html]);
        Assert.Contains("count2\tList<Int32>\t[1]", whos[MimeTypes.PlainText]);
    }

    [Fact]
    public void HtmlAndMarkdown_ShowTheRestOfTheCell()
    {
        var harness = new SessionHarness();
        Assert.Equal("<b>bold</b>\n<i>x</i>", SingleDisplay(harness.Run("#!html\n<b>bold</b>\n<i>x</i>").Outputs)[MimeTypes.Html]);
        Assert.Equal("# Title", SingleDisplay(harness.Run("#!markdown\n# Title").Outputs)[MimeTypes.Markdown]);
    }

    [Fact]
    public void Lsmagic_ListsMagicsAndDirectives_AndUnsupportedMagicsSaySo()
    {
        var harness = new SessionHarness();
        string list = SingleDisplay(harness.Run("#!lsmagic").Outputs)[MimeTypes.PlainText];
        Assert.Contains("#!whos", list);
        Assert.Contains("#:project", list);
        var (result, outputs) = harness.Run("#!share --from fsharp x");
        Assert.False(result.Succeeded);
        Assert.Contains("#!share is not supported by this kernel", Assert.Single(outputs.OfType<ErrorOutput>()).Value);
    }
}
