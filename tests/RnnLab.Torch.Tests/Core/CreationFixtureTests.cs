using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.Core;

/// <summary>Factories, dtype rules and comparisons against PyTorch (exact unless stated).</summary>
public class CreationFixtureTests
{
    private static readonly Fixture Creation = Fixture.Load("core/creation.json");

    private static void Same(string name, Tensor actual, string key = "out") =>
        TensorAssert.Close(Creation[name].Tensor(key), actual, 0, 0, name);

    [Fact]
    public void Arange_IsInt64WhenIntegral_Float32Otherwise()
    {
        Same("arange_int", arange(0, 10, 3));
        Assert.Equal(ScalarType.Int64, arange(0, 10, 3).dtype);
        // PyTorch: the dtype follows the arguments' types, so whole-valued doubles still give float32.
        Assert.Equal(ScalarType.Float32, arange(1.0, 8.0).dtype);
        Assert.Equal(ScalarType.Float32, arange(5.0).dtype);
        Assert.Equal(ScalarType.Int64, arange(5).dtype);
        // Float steps accumulate as start + i*step in double, then round to float32: exactly PyTorch's values.
        Same("arange_float", arange(0, 1, 0.1));
        Same("arange_negative_step", arange(5, -5, -2.5));
    }

    [Fact]
    public void Linspace_MatchesPyTorchToTheLastBit()
    {
        Same("linspace", linspace(-1, 1, 7));
        Same("linspace_third", linspace(0, 1, 10));
        Same("linspace_big", linspace(-3.7, 12.1, 101));
    }

    [Fact]
    public void EyeFullOneHot()
    {
        Same("eye", eye(3, 4));
        Same("full", full(2, 3, 2.5));
        Same("one_hot", nn.functional.one_hot(tensor(new long[] { 0, 3, 1 }), 5));
        Same("one_hot_inferred", nn.functional.one_hot(tensor(new long[,] { { 2, 0 }, { 1, 2 } })));
    }

    [Fact]
    public void Comparisons_ReturnBoolTensors_NaNNeverEqual()
    {
        FixtureCase c = Creation["comparisons"];
        Tensor a = c.Tensor("a"), b = c.Tensor("b");
        Same("comparisons", a == b, "eq");
        Same("comparisons", a < b, "lt");
        Same("comparisons", a >= b, "ge");
        Assert.Equal(ScalarType.Bool, (a == b).dtype);
    }

    [Fact]
    public void IntegerArithmetic_StaysInt64_DivisionGivesFloat()
    {
        Same("int_division", tensor(new long[] { 7, -7, 3 }) / tensor(new long[] { 2, 2, 4 }));
        Same("int_arith", tensor(new long[] { 7, -7, 3 }) * 3 - tensor(new long[] { 1, 1, 1 }));
        Same("float_to_long", tensor(new[] { 1.7f, -1.7f, 2.5f }).@long());
    }

    [Fact]
    public void Allclose_AndEqual_ReturnBool()
    {
        FixtureCase c = Creation["allclose"];
        Assert.Equal(c["ab"].GetBoolean(), c.Tensor("a").allclose(c.Tensor("b")));
        Assert.Equal(c["ac"].GetBoolean(), c.Tensor("a").allclose(c.Tensor("c")));
        Assert.True(equal(arange(3), arange(3)));
        Assert.False(equal(arange(3), arange(4)));
        Assert.False(equal(zeros(2), ones(2)));
    }

    [Fact]
    public void TensorFromFlatData_ChecksSize_LikeTorchSharp()
    {
        var error = Assert.Throws<ArgumentException>(() => tensor(new float[] { 1, 2, 3, 4, 5 }, [2, 3]));
        Assert.Contains("mismatched total size creating a tensor from an array", error.Message);
        Tensor t = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        Assert.Equal(new long[] { 2, 3 }, t.shape);
        Assert.Equal(new long[] { 2, 2, 2 }, tensor(new float[8], 2, 2, 2).shape);
    }

    [Fact]
    public void MultiDimensionalArrays_KeepTheirShape()
    {
        Tensor t3 = tensor(new float[,,] { { { 1, 2 }, { 3, 4 } }, { { 5, 6 }, { 7, 8 } } });
        Assert.Equal(new long[] { 2, 2, 2 }, t3.shape);
        Assert.Equal(7f, t3[1, 1, 0].item<float>());
        Assert.Equal(ScalarType.Int64, tensor(new[,] { { 1, 2 } }).dtype);
        Assert.Equal(ScalarType.Bool, tensor(new[] { true, false }).dtype);
    }

    [Fact]
    public void FromArray_SharesMemory_TensorCopies()
    {
        float[] data = [1, 2, 3];
        Tensor shared = from_array(data);
        Tensor copied = tensor(data);
        data[0] = 42;
        shared[2] = 9;
        Assert.Equal(42f, shared[0].item<float>());
        Assert.Equal(9f, data[2]);
        Assert.Equal(1f, copied[0].item<float>());
    }

    [Fact]
    public void LikeFactories_FollowInputShapeAndDtype()
    {
        Tensor labels = arange(6).view(2, 3);
        Assert.Equal(ScalarType.Int64, zeros_like(labels).dtype);
        Assert.Equal(new long[] { 2, 3 }, ones_like(labels, dtype: float32).shape);
        Assert.Equal(7f, full_like(zeros(2), 7).data<float>()[1]);
        Assert.Equal(ScalarType.Float32, empty_like(zeros(1)).dtype);
    }

    [Fact]
    public void DeviceAndDtypeConversions()
    {
        Tensor x = arange(3);
        Assert.Same(x, x.to(CPU));
        Assert.Same(x, x.cpu());
        Assert.Equal(ScalarType.Float32, x.@float().dtype);
        Assert.Equal(ScalarType.Float32, x.to(float32).dtype);
        Assert.Throws<NotSupportedException>(() => x.to("cuda"));
    }
}
