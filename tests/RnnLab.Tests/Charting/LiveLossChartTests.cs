using RnnLab.Charting;
using GenericChart = Plotly.NET.GenericChart;

namespace RnnLab.Tests.Charting;

/// <summary>
/// The live loss chart against a fake "RnnLab.Display" slot and a fake clock: training steps and
/// redraws advance the clock by set amounts, so the throttle's budget is checked exactly.
/// </summary>
[Collection(nameof(LiveDisplayCollection))]
public class LiveLossChartTests
{
    private sealed class FakeClock : TimeProvider
    {
        public long Now { get; private set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Now;

        public void Advance(TimeSpan by) => Now += by.Ticks;
    }

    private sealed record Frame(object Value, string Id, bool IsUpdate);

    /// <summary>Runs <paramref name="body"/> with <paramref name="slot"/> in the display slot, restoring what was there.</summary>
    private static void WithSlot(Action<object, string, bool>? slot, Action body)
    {
        object? before = AppContext.GetData(LiveDisplay.DisplayKey);
        AppContext.SetData(LiveDisplay.DisplayKey, slot);
        try
        {
            body();
        }
        finally
        {
            AppContext.SetData(LiveDisplay.DisplayKey, before);
        }
    }

    [Fact]
    public void InAKernel_RedrawsInPlace_WithinTheBudget_AndEndsOnTheFinalChart()
    {
        var clock = new FakeClock();
        var frames = new List<Frame>();
        var drawCost = TimeSpan.FromMilliseconds(50);
        var step = TimeSpan.FromMilliseconds(5);
        const int steps = 4000;   // 20 s of training
        GenericChart? final = null;
        LiveLossChart? live = null;
        WithSlot((value, id, update) => { frames.Add(new Frame(value, id, update)); clock.Advance(drawCost); }, () =>
        {
            live = new LiveLossChart(clock, "train", "validation");
            for (int i = 1; i <= steps; i++)
            {
                clock.Advance(step);
                live.Add(i, 1.0 / i, i % 100 == 0 ? 2.0 / i : null);
            }
            final = live.Finish();
        });

        Assert.True(live!.IsLive);
        Assert.Equal(frames.Count, live.Redraws);
        // Pause after each redraw: 20 x 50 ms (after the first, a warm-up: the minimum gap). 20 s of
        // training leave room for about 20 frames, plus the warm-up and the final one.
        TimeSpan training = step * steps;
        int bound = 3 + (int)(training / (RedrawThrottle.CostFactor * drawCost));
        Assert.InRange(frames.Count, bound - 5, bound);
        Assert.True(drawCost * frames.Count / training < 0.06, $"{frames.Count} frames of {drawCost.TotalMilliseconds} ms in {training.TotalSeconds} s");

        Assert.False(frames[0].IsUpdate);
        Assert.All(frames.Skip(1), f => Assert.True(f.IsUpdate));
        Assert.All(frames, f => Assert.Equal(live.DisplayId, f.Id));

        // The last frame is the final chart, and shows exactly as the chart shows through the Formatter.
        var last = Assert.IsType<ChartFrame>(frames[^1].Value);
        Assert.Same(final, last.Chart);
        Assert.Equal(RnnLab.Display.FigureJson.Of(final!), last.FigureJson);
        Assert.Equal(RnnLab.Display.ChartDisplay.BundleOf(final!), last.ToMimeBundle());
        var figure = Figure.Of(final!);
        Assert.Equal(steps, figure.Traces[0].GetProperty("x").GetArrayLength());
        Assert.Equal(steps / 100, figure.Traces[1].GetProperty("x").GetArrayLength());
        figure.CleanSvg();
    }

    [Fact]
    public void SlowRedraws_WaitLonger()
    {
        var clock = new FakeClock();
        int frames = 0;
        // Each frame costs 5 ms more than the one before, as a real chart gets slower with its points.
        WithSlot((_, _, _) => clock.Advance(TimeSpan.FromMilliseconds(5 * ++frames)), () =>
        {
            var live = new LiveLossChart(clock, "train");
            for (int i = 1; i <= 10_000; i++)
            {
                clock.Advance(TimeSpan.FromMilliseconds(2));
                live.Add(i, 1.0 / i);
            }
            live.Finish();
        });
        double drawing = 5 * frames * (frames + 1) / 2.0, training = 10_000 * 2.0;
        Assert.True(drawing / training < 0.06, $"{frames} frames took {drawing} ms of {training} ms");
    }

    [Fact]
    public void ColdFirstFrame_DoesNotStallTheNextOnes()
    {
        var clock = new FakeClock();
        var frameTimes = new List<long>();
        WithSlot((_, _, _) =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(frameTimes.Count == 0 ? 2000 : 40));   // JIT and first serialization, then warm
            frameTimes.Add(clock.Now);
        }, () =>
        {
            var live = new LiveLossChart(clock, "train");
            for (int i = 1; i <= 1000; i++)
            {
                clock.Advance(TimeSpan.FromMilliseconds(10));
                live.Add(i, 1.0 / i);
            }
        });
        // Without the warm-up rule the second frame would wait 20 x 2 s = 40 s, past the end of this 10 s run.
        Assert.True(frameTimes.Count >= 8, $"{frameTimes.Count} frames");
        Assert.InRange(TimeSpan.FromTicks(frameTimes[1] - frameTimes[0]), RedrawThrottle.MinimumGap, RedrawThrottle.MinimumGap + TimeSpan.FromMilliseconds(60));
    }

    [Fact]
    public void FirstPointIsShownAtOnce_AndFinishRedrawsOnlyWhatChanged()
    {
        var clock = new FakeClock();
        var frames = new List<Frame>();
        WithSlot((value, id, update) => frames.Add(new Frame(value, id, update)), () =>
        {
            var live = new LiveLossChart(clock, "train");
            live.Add(1, 0.9);
            Assert.Single(frames);
            var first = (ChartFrame)frames[0].Value;
            Assert.Equal("lines+markers", Figure.Of(first.Chart).Text("data.0.mode"));   // one point still shows
            var final = live.Finish();
            Assert.Single(frames);                                                     // nothing new since the first frame
            Assert.Same(first.Chart, final);
        });
    }

    [Fact]
    public void WithoutASlot_NothingIsDrawn_AndFinishReturnsTheChart()
    {
        var clock = new FakeClock();
        WithSlot(null, () =>
        {
            var live = new LiveLossChart(clock, "train", "validation") { Title = "Char RNN", Log = false, XTitle = "epoch" };
            for (int i = 1; i <= 100; i++)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                live.Add(i, 1.0 / i, 1.5 / i);
            }
            Assert.False(live.IsLive);
            Assert.Equal(0, live.Redraws);
            var figure = Figure.Of(live.Finish());
            Assert.Equal(0, live.Redraws);
            Assert.Equal(100, figure.Traces[1].GetProperty("y").GetArrayLength());
            Assert.Equal("Char RNN", figure.Text("layout.title.text"));
            Assert.Equal("epoch", figure.Text("layout.xaxis.title.text"));
            Assert.Equal("linear", figure.Text("layout.yaxis.type"));
        });
    }

    [Fact]
    public void TwoCharts_TwoDisplayIds()
    {
        Assert.NotEqual(new LiveLossChart("a").DisplayId, new LiveLossChart("a").DisplayId);
    }

    [Fact]
    public void Misuse_IsExplained()
    {
        WithSlot(null, () =>
        {
            Assert.Throws<ArgumentException>(() => new LiveLossChart());
            var live = new LiveLossChart("train", "validation");
            var tooMany = Assert.Throws<ArgumentException>(() => live.Add(1, 0.5, 0.6, 0.7));
            Assert.StartsWith("LiveLossChart.Add: 3 losses for 2 series (train, validation)", tooMany.Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => live.Add(double.NaN, 0.5));
            Assert.Throws<InvalidOperationException>(() => live.Finish());
            live.Add(1, 0.5);
            live.Finish();
            Assert.Throws<InvalidOperationException>(() => live.Add(2, 0.4));
            var floor = Assert.Throws<ArgumentOutOfRangeException>(() => new LiveLossChart("train") { Floor = 0 }.Add(1, 0.5));
            Assert.Contains("above 0 on a log axis", floor.Message);
        });
    }
}
