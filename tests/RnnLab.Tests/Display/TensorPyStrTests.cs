using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnLab.Tests.Display;

/// <summary>The behaviour of pystr() around the fixtures: culture, native memory, dtypes it refuses.</summary>
[Collection(nameof(LiveTensorCount))]
public class TensorPyStrTests
{
    [Fact]
    public void Printing_IgnoresTheCurrentCulture()
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        try
        {
            // Globalization-invariant mode has no de-DE: a clone with a comma decimal separator stands in for it.
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NegativeSign = "−";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal("1,5", 1.5.ToString());
            Assert.Equal("tensor([ 1.5000, -2.2500])", torch.tensor(new[] { 1.5f, -2.25f }).pystr());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Printing_FreesEveryNativeTensorItMakes()
    {
        using Tensor big = randn(40, 50, 30);
        // Tensor.TotalCount is process-wide (finalizers and parallel tests move it); a scope is this thread's own:
        // a tensor pystr made and did not free itself would be left in it.
        using var scope = torch.NewDisposeScope();
        Assert.Contains("...", big.pystr());
        Assert.Equal(0, scope.DisposablesCount);
    }

    [Fact]
    public void NullTensor_IsRefusedNamingTheArgument() =>
        Assert.Equal("tensor", Assert.Throws<ArgumentNullException>(() => ((Tensor)null!).pystr()).ParamName);

    [Fact]
    public void ComplexTensor_IsRefusedNamingItsDtype()
    {
        using Tensor complex = zeros(2, dtype: ScalarType.ComplexFloat32);
        var error = Assert.Throws<ArgumentException>(() => complex.pystr());
        Assert.Equal("tensor", error.ParamName);
        Assert.StartsWith("pystr() prints real, integer and bool tensors, but tensor has dtype torch.complex64", error.Message);
    }
}

/// <summary>Tests that count TorchSharp's live tensors run alone: other tests make tensors meanwhile.</summary>
[CollectionDefinition(nameof(LiveTensorCount), DisableParallelization = true)]
public sealed class LiveTensorCount;
