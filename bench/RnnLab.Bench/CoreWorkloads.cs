using static RnnLab.Torch.torch;

namespace RnnLab.Bench;

/// <summary>Matrix products at the sizes the issue names (GFLOP/s = 2n³ / time).</summary>
public sealed class MatmulWorkloads : IWorkloadGroup
{
    public string Name => "matmul";

    public IEnumerable<Workload> Create()
    {
        foreach (int n in new[] { 64, 256, 1024 })
        {
            Tensor a = UniformMatrix(n, n, seed: 1), b = UniformMatrix(n, n, seed: 2);
            yield return new Workload(Name, $"matmul {n}", 2.0 * n * n * n, () => a.mm(b));
        }
    }

    /// <summary>Deterministic inputs in [-1, 1) without depending on the RNG module.</summary>
    internal static Tensor UniformMatrix(long rows, long columns, int seed)
    {
        var random = new Random(seed);
        var data = new float[rows * columns];
        for (int i = 0; i < data.Length; i++) data[i] = (float)(random.NextDouble() * 2 - 1);
        return tensor(data, [rows, columns]);
    }
}

/// <summary>Elementwise throughput on 1e6 contiguous float32 elements (GFLOP/s = elements / time).</summary>
public sealed class ElementwiseWorkloads : IWorkloadGroup
{
    public string Name => "elementwise";

    public IEnumerable<Workload> Create()
    {
        const int n = 1_000_000;
        Tensor a = MatmulWorkloads.UniformMatrix(1, n, seed: 3).view(n);
        Tensor b = MatmulWorkloads.UniformMatrix(1, n, seed: 4).view(n);
        yield return new Workload(Name, "add 1e6", n, () => _ = a + b);
        yield return new Workload(Name, "mul 1e6", n, () => _ = a * b);
        yield return new Workload(Name, "tanh 1e6", n, () => a.tanh());
    }
}

/// <summary>
/// RNN-sized work, where per-op overhead matters more than FLOPs: one tanh-RNN step forward, and
/// forward + backward through it (batch 8, input 16, hidden 32; GFLOP/s counts the matmul FLOPs).
/// </summary>
public sealed class SmallOpsWorkloads : IWorkloadGroup
{
    public string Name => "small";

    public IEnumerable<Workload> Create()
    {
        Tensor x = MatmulWorkloads.UniformMatrix(8, 16, seed: 5), h = MatmulWorkloads.UniformMatrix(8, 32, seed: 6);
        Tensor wih = MatmulWorkloads.UniformMatrix(16, 32, seed: 7).requires_grad_(), whh = MatmulWorkloads.UniformMatrix(32, 32, seed: 8).requires_grad_();
        Tensor bias = MatmulWorkloads.UniformMatrix(1, 32, seed: 9).view(32).requires_grad_();
        double flops = 2.0 * 8 * (16 + 32) * 32;
        yield return new Workload(Name, "rnn step fwd", flops, () =>
        {
            using var _ = no_grad();
            (x.matmul(wih) + h.matmul(whh) + bias).tanh();
        });
        yield return new Workload(Name, "rnn step fwd+bwd", 3 * flops, () =>
        {
            (x.matmul(wih) + h.matmul(whh) + bias).tanh().sum().backward();
            wih.grad = null;
            whh.grad = null;
            bias.grad = null;
        });
    }
}
