namespace RnnLab.Tests;

/// <summary>Tests that set the process-wide AppContext display hook: never in parallel with each other.</summary>
[CollectionDefinition(nameof(LiveDisplayCollection), DisableParallelization = true)]
public class LiveDisplayCollection;

[Collection(nameof(LiveDisplayCollection))]
public class TrainingTests
{
    [Fact]
    public void Run_RecordsEveryEpochsLoss()
    {
        var console = new StringWriter();
        var history = Training.Run(5, epoch => 1.0 / epoch, "toy", console: console);
        Assert.Equal([1.0, 0.5, 1.0 / 3, 0.25, 0.2], history.Losses);
        Assert.Equal(0.5, history.AtEpoch(2));
        Assert.Equal("toy: 5 epochs, loss 1 -> 0.2", history.ToString());
    }

    [Fact]
    public void OutsideAKernel_PrintsPlainTextLines()
    {
        var console = new StringWriter();
        Training.Run(4, _ => 0.5, "toy", updates: 2, console: console);
        Assert.Equal(
            "toy [############------------] 2/4  loss 0.5\n" +
            "toy [########################] 4/4  loss 0.5\n", console.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void InsideAKernel_ShowsOnceThenUpdatesTheSameDisplay()
    {
        var calls = new List<(string Text, string Id, bool Update)>();
        AppContext.SetData(LiveDisplay.DisplayKey, new Action<object, string, bool>((v, id, u) => calls.Add((v.ToString()!, id, u))));
        try
        {
            var console = new StringWriter();
            Training.Run(10, e => 10.0 - e, "Char RNN", updates: 5, console: console);
            Assert.Equal("", console.ToString());
            Assert.Equal(6, calls.Count);
            Assert.False(calls[0].Update);
            Assert.All(calls.Skip(1), c => Assert.True(c.Update));
            Assert.All(calls, c => Assert.Equal(calls[0].Id, c.Id));
            Assert.StartsWith("rnnlab-progress-char-rnn-", calls[0].Id);
            Assert.EndsWith("10/10  loss 0", calls[^1].Text);
        }
        finally
        {
            AppContext.SetData(LiveDisplay.DisplayKey, null);
        }
    }

    [Fact]
    public void TwoRunsWithOneLabel_UseTwoDisplays()
    {
        var ids = new HashSet<string>();
        AppContext.SetData(LiveDisplay.DisplayKey, new Action<object, string, bool>((_, id, _) => ids.Add(id)));
        try
        {
            Training.Run(2, _ => 0, "same");
            Training.Run(2, _ => 0, "same");
            Assert.Equal(2, ids.Count);
        }
        finally
        {
            AppContext.SetData(LiveDisplay.DisplayKey, null);
        }
    }

    [Fact]
    public void AnInterruptedCell_StopsTheLoopBetweenEpochs()
    {
        using var source = new CancellationTokenSource();
        AppContext.SetData(LiveDisplay.CancellationKey, new Func<CancellationToken>(() => source.Token));
        try
        {
            int ran = 0;
            Assert.Throws<OperationCanceledException>(() => Training.Run(10, e =>
            {
                if (++ran == 3) source.Cancel();
                return 0;
            }, console: TextWriter.Null));
            Assert.Equal(3, ran);
        }
        finally
        {
            AppContext.SetData(LiveDisplay.CancellationKey, null);
        }
    }

    [Fact]
    public void ProgressBar_HtmlHasAProgressElement()
    {
        string html = new ProgressBar("x", 3, 10, 0.25).ToHtml();
        Assert.Contains("<progress value=\"3\" max=\"10\"", html);
        Assert.Contains("loss 0.25", html);
    }

    [Fact]
    public void LossHistory_TableListsEveryTenthEpochAndTheEnds()
    {
        var history = new LossHistory("h", Enumerable.Range(1, 25).Select(e => (double)e));
        Assert.Equal(["1", "10", "20", "25"], history.ToTable().Rows.Select(r => r[0]));
    }
}
