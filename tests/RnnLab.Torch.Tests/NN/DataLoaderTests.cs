using RnnLab.Torch.Tests.Fixtures;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.NN;

/// <summary>DataLoader batches against PyTorch's: sequential, shuffled with a seeded generator (with and without drop_last), shuffled from the global seed.</summary>
[Collection(Random.DefaultGeneratorCollection.Name)]
public class DataLoaderTests
{
    private static readonly Fixture Data = Fixture.Load("nn/data.json");

    public static TheoryData<string> Cases() => new(Data.CaseNames);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Batches_MatchPyTorch(string name)
    {
        FixtureCase c = Data[name];
        Tensor x = Tensor.FromContiguous(Enumerable.Range(0, 20).Select(v => (float)v).ToArray(), [10, 2]);
        Tensor y = Tensor.FromContiguous(Enumerable.Range(0, 10).Select(v => v * 10L).ToArray(), [10]);
        manual_seed(123);
        Generator? generator = c["seeded"].GetBoolean() ? new Generator().manual_seed(7) : null;
        var loader = utils.data.DataLoader(utils.data.TensorDataset(x, y), 3, shuffle: c["shuffle"].GetBoolean(),
            drop_last: c["drop_last"].GetBoolean(), generator: generator);
        for (int epoch = 0; epoch < 2; epoch++)
        {
            var expected = c[$"epoch{epoch}"].EnumerateArray().Select(b => b.EnumerateArray().Select(v => v.GetInt64()).ToArray()).ToList();
            var actual = new List<long[]>();
            foreach (var (bx, by) in loader)
            {
                long[] labels = by.ToArray<long>();
                Assert.Equal(labels.Select(l => new[] { l / 5f, l / 5f + 1 }).SelectMany(v => v).ToArray(), bx.ToFloatArray());
                Assert.Equal([labels.Length, 2L], bx.shape);
                actual.Add(labels);
            }
            Assert.Equal(expected, actual);
        }
        TensorAssert.Close(c.Tensor("after"), rand(3), "torch.rand(3) after two epochs", atol: 0, rtol: 0);
    }

    private sealed class Squares : utils.data.Dataset<IList<Tensor>>
    {
        public override long Count => 5;
        public override IList<Tensor> GetTensor(long index) =>
            [Tensor.FromContiguous(new[] { (float)index }, [1]), Tensor.FromContiguous(new[] { index * index }, [])];
    }

    [Fact]
    public void CustomDataset_IsStackedPerTensor()
    {
        var batches = utils.data.DataLoader(new Squares(), 2).ToList();
        Assert.Equal(3, batches.Count);
        var (x, y) = batches[1];
        Assert.Equal([2L, 1L], x.shape);
        Assert.Equal([4L, 9L], y.ToArray<long>());
        Assert.Equal([1L], batches[2][1].shape);
    }
}
