using TorchSharp;
using static TorchSharp.torch;

namespace RnnLab.Tests;

public class ComparisonTests
{
    [Fact]
    public void ClosePair_PassesAndReportsTheLargestDifference()
    {
        var a = torch.tensor(new float[] { 1f, 2f, 3f });
        var b = torch.tensor(new float[] { 1f, 2.0000005f, 3f });
        var comparison = new Comparison(atol: 1e-6).Add("output", a, b);
        Assert.True(comparison.AllClose);
        Assert.InRange(comparison.Rows[0].MaxAbsDiff, 4e-7, 6e-7);
        comparison.Assert();
    }

    [Fact]
    public void DifferentPair_FailsTheAssertWithTheTable()
    {
        var comparison = new Comparison(atol: 1e-6)
            .Add("same", torch.ones(2), torch.ones(2))
            .Add("off", torch.ones(2), torch.zeros(2));
        Assert.False(comparison.AllClose);
        var error = Assert.Throws<InvalidOperationException>(comparison.Assert);
        Assert.Contains("off", error.Message);
        Assert.Contains("DIFFERENT", error.Message);
        Assert.Equal("close", comparison.ToTable().Rows[0][4]);
        Assert.Equal("1", comparison.ToTable().Rows[0][2]);
    }

    [Fact]
    public void ShapeMismatch_IsNotClose()
    {
        var comparison = new Comparison().Add("h_n", torch.zeros(2, 3), torch.zeros(3, 2));
        Assert.False(comparison.AllClose);
        Assert.Equal("(2, 3) vs (3, 2)", comparison.ToTable().Rows[0][1]);
    }

    [Fact]
    public void RelativeTolerance_ScalesWithTheExpectedValue()
    {
        var big = torch.tensor(new float[] { 1000f });
        var near = torch.tensor(new float[] { 1000.5f });
        Assert.False(new Comparison(atol: 0, rtol: 1e-4).Add("x", near, big).AllClose);
        Assert.True(new Comparison(atol: 0, rtol: 1e-3).Add("x", near, big).AllClose);
    }

    [Fact]
    public void EmptyComparison_CannotPass() =>
        Assert.Throws<InvalidOperationException>(new Comparison().Assert);

    [Fact]
    public void OtherDtypes_AreRefused_AsTorchAllcloseRefusesThem()
    {
        var error = Assert.Throws<ArgumentException>(() => new Comparison().Add("h_n", zeros(2), zeros(2, dtype: ScalarType.Float64)));
        Assert.Equal("actual", error.ParamName);
        Assert.StartsWith("Comparison.Add(\"h_n\"): actual has dtype torch.float32 but expected has dtype torch.float64", error.Message);
    }

    [Fact]
    public void ComplexTensors_AreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new Comparison().Add("z", zeros(2, dtype: ScalarType.ComplexFloat32), zeros(2, dtype: ScalarType.ComplexFloat32)));
        Assert.Contains("must have a real dtype, but got torch.complex64", error.Message);
    }

    [Fact]
    public void GradientsOfAModule_CompareWithoutLeakingIntoTheGraph()
    {
        var a = ones(3, requires_grad: true);
        (a * 2).sum().backward();
        var comparison = new Comparison().Add("grad", a.grad!, full(3, 2f));
        Assert.True(comparison.AllClose);
        Assert.Equal(0, comparison.Rows[0].MaxAbsDiff);
    }

    [Fact]
    public void NaN_IsNeverClose()
    {
        var comparison = new Comparison(atol: 1).Add("nan", tensor(new[] { float.NaN }), tensor(new[] { 0f }));
        Assert.False(comparison.AllClose);
        Assert.True(double.IsNaN(comparison.Rows[0].MaxAbsDiff));
    }
}
