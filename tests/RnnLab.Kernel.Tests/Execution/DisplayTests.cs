using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Tests.Execution;

public class DisplayTests
{
    [Fact]
    public void Display_ThenUpdate_UseTheSameId_AfterEarlierText()
    {
        var (result, outputs) = new SessionHarness().Run("""
            Console.WriteLine("first");
            var handle = display("step 1");
            handle.Update("step 2");
            """);
        Assert.True(result.Succeeded);
        Assert.IsType<StreamOutput>(outputs[0]);
        var shown = Assert.IsType<DisplayDataOutput>(outputs[1]);
        var updated = Assert.IsType<UpdateDisplayDataOutput>(outputs[2]);
        Assert.Equal("step 1", shown.Data[MimeTypes.PlainText]);
        Assert.Equal("step 2", updated.Data[MimeTypes.PlainText]);
        Assert.Equal(shown.DisplayId, updated.DisplayId);
    }

    [Fact]
    public void DisplayExtension_HtmlAndMarkdown_Render()
    {
        var (_, outputs) = new SessionHarness().Run("""
            42.Display();
            display(HTML("<b>bold</b>"));
            Markdown("# Title")
            """);
        var displays = outputs.OfType<DisplayDataOutput>().ToList();
        Assert.Equal("42", displays[0].Data[MimeTypes.PlainText]);
        Assert.Equal("<b>bold</b>", displays[1].Data[MimeTypes.Html]);
        Assert.Equal("# Title", Assert.Single(outputs.OfType<ExecuteResultOutput>()).Data[MimeTypes.Markdown]);
    }

    [Fact]
    public void ClearOutput_IsPublished()
    {
        var (_, outputs) = new SessionHarness().Run("Console.WriteLine(1); ClearOutput(wait: true);");
        Assert.Equal(new ClearOutputOutput(true), outputs[^1]);
    }

    [Fact]
    public void MimeBundleConvention_IsHonoured_AndTextPlainAdded()
    {
        var (_, outputs) = new SessionHarness().Run("""
            class Chart
            {
                public IReadOnlyDictionary<string, string> ToMimeBundle() =>
                    new Dictionary<string, string> { ["image/svg+xml"] = "<svg/>", ["application/json"] = "{\"a\":1}" };
                public override string ToString() => "a chart";
            }
            new Chart()
            """);
        var data = Assert.Single(outputs.OfType<ExecuteResultOutput>()).Data;
        Assert.Equal("<svg/>", data["image/svg+xml"]);
        Assert.Equal("{\"a\":1}", data["application/json"]);
        Assert.Equal("a chart", data[MimeTypes.PlainText]);
    }

    [Fact]
    public void SequenceOfRecords_GetsAnHtmlTable_WithRowLimit_AndNoStyleBlock()
    {
        var (_, outputs) = new SessionHarness().Run("""
            record Point(int X, int Y);
            Enumerable.Range(0, 25).Select(i => new Point(i, i * i)).ToList()
            """);
        var data = Assert.Single(outputs.OfType<ExecuteResultOutput>()).Data;
        string html = data[MimeTypes.Html];
        Assert.Contains("<th>X</th><th>Y</th>", html);
        Assert.Contains("<td>19</td><td>19</td><td>361</td>", html);
        Assert.DoesNotContain("<td>20</td><td>20</td>", html);
        Assert.Contains("(5 more rows)", html);
        Assert.DoesNotContain("<style", html);
        Assert.StartsWith("[Point { X = 0, Y = 0 }, ", data[MimeTypes.PlainText]);
    }

    [Fact]
    public void Scalars_AndSequences_HaveReadablePlainText()
    {
        var harness = new SessionHarness();
        Assert.Equal("[1, 2, 3]", SessionHarness.ResultText(harness.Run("new[] { 1, 2, 3 }").Outputs));
        Assert.Equal("[\"a\", \"b\"]", SessionHarness.ResultText(harness.Run("new List<string> { \"a\", \"b\" }").Outputs));
        Assert.Equal("true", SessionHarness.ResultText(harness.Run("1 < 2").Outputs));
        Assert.Equal("0.5", SessionHarness.ResultText(harness.Run("0.5").Outputs));
        Assert.Equal("null", SessionHarness.ResultText(harness.Run("(string?)null").Outputs));
    }

    [Fact]
    public void LibraryDisplaySlot_PublishesAndUpdates_AndCancellationSlotGivesTheCellToken()
    {
        var (result, outputs) = new SessionHarness().Run("""
            var publish = (Action<object, string, bool>)AppContext.GetData("RnnLab.Display")!;
            publish("epoch 1", "progress", false);
            publish("epoch 2", "progress", true);
            var token = ((Func<CancellationToken>)AppContext.GetData("RnnLab.Cancellation")!)();
            token.CanBeCanceled
            """);
        Assert.True(result.Succeeded);
        var shown = Assert.Single(outputs.OfType<DisplayDataOutput>());
        var updated = Assert.Single(outputs.OfType<UpdateDisplayDataOutput>());
        Assert.Equal(shown.DisplayId, updated.DisplayId);
        Assert.EndsWith(":progress", shown.DisplayId);
        Assert.Equal("epoch 2", updated.Data[MimeTypes.PlainText]);
    }
}
