using RnnLab.Kernel.Execution;
using RnnLab.Kernel.Packages;

namespace RnnLab.Kernel.Tests.Packages;

public class RestoreProgressTests
{
    private static (CellOutputChannel Channel, List<CellOutput> Outputs) Channel()
    {
        var outputs = new List<CellOutput>();
        return (new CellOutputChannel(o => { lock (outputs) outputs.Add(o); }, "test", CancellationToken.None), outputs);
    }

    [Fact]
    public void ASlowRestore_ShowsWhatItDoes_ThenClearsTheLine()
    {
        var (channel, outputs) = Channel();
        using (var progress = new RestoreProgress(channel, "TorchSharp-cpu 0.107.0"))
        {
            progress.Report("3 package(s) downloaded, the last libtorch-cpu-linux-x64 2.10.0");
            Thread.Sleep(TimeSpan.FromSeconds(2.5));
        }
        List<CellOutput> seen;
        lock (outputs) seen = [.. outputs];
        var shown = Assert.IsType<DisplayDataOutput>(seen[0]);
        Assert.Matches(@"^Restoring TorchSharp-cpu 0\.107\.0: \d+ s, 3 package\(s\) downloaded, the last libtorch-cpu-linux-x64 2\.10\.0\. "
            + "A first restore downloads the packages once per machine\\.$", shown.Data[MimeTypes.PlainText]);
        Assert.All(seen.Skip(1).SkipLast(1), o => Assert.Equal(shown.DisplayId, Assert.IsType<UpdateDisplayDataOutput>(o).DisplayId));
        // The saved notebook must not depend on whether the packages were cached: the line goes.
        Assert.Equal(new ClearOutputOutput(false), seen[^1]);
    }

    [Fact]
    public void AQuickRestore_ShowsNothing()
    {
        var (channel, outputs) = Channel();
        using (new RestoreProgress(channel, "FSharp.Core 11.0.101")) { }
        Thread.Sleep(TimeSpan.FromSeconds(1.5));
        lock (outputs) Assert.Empty(outputs);
    }
}
