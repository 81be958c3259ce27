using TorchSharp;
using static TorchSharp.torch;

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

    [Fact]
    public void Same_RefusesOtherDtypes_NamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => Run(() => Check.Same(ones(2), ones(2, dtype: ScalarType.Float64), "x")));
        Assert.Equal("actual", error.ParamName);
        Assert.StartsWith("Check.Same: actual has dtype torch.float32 but expected has dtype torch.float64", error.Message);
    }

    [Fact]
    public void NotSame_RefusesOtherDtypes_InsteadOfPassing()
    {
        // int64 1 and float32 1 are "not the same" only by accident of dtype: a check that cannot fail otherwise.
        var error = Assert.Throws<ArgumentException>(() => Run(() => Check.NotSame(arange(3), arange(3).@float(), "x")));
        Assert.Contains("torch.int64", error.Message);
    }

    [Fact]
    public void Same_RefusesNull_NamingTheArgument()
    {
        var error = Assert.Throws<ArgumentNullException>(() => Run(() => Check.Same(null!, ones(2), "x")));
        Assert.Equal("actual", error.ParamName);
    }

    [Fact]
    public void Same_IsExactEquality_NotElementwise()
    {
        Run(() => Check.Same(arange(6).reshape(2, 3), arange(6).reshape(2, 3), "integers"));
        Run(() => Check.NotSame(arange(6).reshape(2, 3), arange(6).reshape(3, 2), "same values, other shape"));
        Assert.Throws<Check.CheckFailed>(() => Run(() => Check.Same(tensor(new[] { 1f, 2f }), tensor(new[] { 1f, 2.0000002f }), "one ulp")));
    }

    [Fact]
    public void Shape_NamesTheExpectedAndActualShapes()
    {
        Assert.Equal("✓ x has shape (2, 3)\n", Run(() => Check.Shape(zeros(2, 3), [2, 3], "x")));
        var error = Assert.Throws<Check.CheckFailed>(() => Run(() => Check.Shape(zeros(3), [2, 3], "x")));
        Assert.Equal("✗ x has shape (2, 3) (got (3,))", error.Message);
    }
}
