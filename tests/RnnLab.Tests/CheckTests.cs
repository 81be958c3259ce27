using RnnLab.Torch;

namespace RnnLab.Tests;

[Collection(nameof(LiveDisplayCollection))]
public class CheckTests
{
    private static string Run(Action check)
    {
        var output = new StringWriter();
        Check.Output = output;
        try { check(); }
        finally { Check.Output = null; }
        return output.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void PassingClaim_PrintsATick() =>
        Assert.Equal("✓ two is two\n", Run(() => Check.Equal(2, 2, "two is two")));

    [Fact]
    public void FailingClaim_ThrowsWithTheNumbers()
    {
        var error = Assert.Throws<Check.CheckFailed>(() => Run(() => Check.Near(2.9, 2.833, 0.05, "first loss near ln V")));
        Assert.Equal("✗ first loss near ln V (got 2.9, expected 2.833 ± 0.05)", error.Message);
    }

    [Fact]
    public void Same_ComparesShapesAndValues()
    {
        Run(() => Check.Same(torch.ones(2), torch.ones(2), "equal"));
        Assert.Throws<Check.CheckFailed>(() => Run(() => Check.Same(torch.ones(2), torch.ones(1, 2), "shape")));
        Assert.Throws<Check.CheckFailed>(() => Run(() => Check.Same(torch.ones(2), torch.zeros(2), "values")));
        Assert.Throws<Check.CheckFailed>(() => Run(() => Check.NotSame(torch.ones(2), torch.ones(2), "differ")));
    }

    [Fact]
    public void Between_IsInclusive()
    {
        Run(() => Check.Between(0.3, 0.3, 0.6, "edge"));
        Assert.Throws<Check.CheckFailed>(() => Run(() => Check.Between(0.7, 0.3, 0.6, "above")));
    }
}
