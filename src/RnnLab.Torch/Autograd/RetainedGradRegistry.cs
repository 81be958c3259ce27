using System.Runtime.CompilerServices;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Autograd;

/// <summary>
/// Non-leaf tensors that called retain_grad(). The graph holds nodes, not the tensors they made,
/// so backward finds those tensors here; weak references let unused ones be collected.
/// </summary>
internal static class RetainedGradRegistry
{
    private static readonly ConditionalWeakTable<Tensor, object> Tensors = new();

    public static void Add(Tensor tensor) => Tensors.AddOrUpdate(tensor, tensor);

    public static IEnumerable<Tensor> Live()
    {
        foreach (KeyValuePair<Tensor, object> pair in Tensors) yield return pair.Key;
    }
}
