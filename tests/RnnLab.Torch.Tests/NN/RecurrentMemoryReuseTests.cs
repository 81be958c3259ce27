using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Tests.NN;

/// <summary>
/// The fused recurrent kernel rents its working memory from a pool and returns it after backward (or at once
/// without a graph). Reused buffers hold the previous call's values, so these tests run the same computation
/// on fresh and on recycled memory, with graphs alive at the same time and with retain_graph, and demand
/// bit-identical results.
/// </summary>
public class RecurrentMemoryReuseTests
{
    public static TheoryData<string> Kinds() => new("rnn", "lstm", "gru");

    private static (nn.Module Module, Func<Tensor, Tensor> Run) Build(string kind)
    {
        manual_seed(3);
        switch (kind)
        {
            case "lstm":
            {
                var lstm = nn.LSTM(5, 16, 2, bidirectional: true);
                return (lstm, x => lstm.call(x).Item1);
            }
            case "gru":
            {
                var gru = nn.GRU(5, 16, 2, bidirectional: true);
                return (gru, x => gru.call(x).Item1);
            }
            default:
            {
                var rnn = nn.RNN(5, 16, 2, bidirectional: true);
                return (rnn, x => rnn.call(x).Item1);
            }
        }
    }

    private static float[][] Gradients(nn.Module module) => module.parameters().Select(p => p.grad!.data<float>().ToArray()).ToArray();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RecycledMemory_GivesBitIdenticalOutputsAndGradients(string kind)
    {
        var (module, run) = Build(kind);
        manual_seed(4);
        Tensor x = randn(7, 3, 5), y = randn(7, 3, 32);

        Tensor first = run(x);
        nn.functional.mse_loss(first, y).backward();
        float[][] firstGrads = Gradients(module);

        // Dirty the pool with different values: a larger call under no_grad, and a graph kept alive unused.
        using (no_grad()) run(randn(11, 4, 5) * 100);
        Tensor kept = run(randn(9, 3, 5) * 50);

        module.zero_grad();
        Tensor second = run(x);
        nn.functional.mse_loss(second, y).backward(retain_graph: true);
        Assert.Equal(first.data<float>().ToArray(), second.data<float>().ToArray());
        Assert.Equal(firstGrads, Gradients(module));

        // A retained graph keeps its memory even while other calls rent and return buffers:
        // backward again accumulates exactly twice the gradients.
        using (no_grad()) run(randn(11, 4, 5) * 100);
        nn.functional.mse_loss(second, y).backward();
        Assert.Equal(firstGrads.Select(g => g.Select(v => v + v).ToArray()).ToArray(), Gradients(module));
        Assert.True(kept.requires_grad);
    }
}
