using System.Collections;

namespace RnnLab.Torch.Modules;

/// <summary>
/// One batch from a DataLoader over tensors: index it (batch[0]) as TorchSharp's IList&lt;Tensor&gt; batches, or
/// deconstruct it: <c>foreach (var (x, y) in loader)</c>.
/// </summary>
public sealed class TensorBatch : IReadOnlyList<torch.Tensor>
{
    private readonly torch.Tensor[] _tensors;

    internal TensorBatch(torch.Tensor[] tensors) => _tensors = tensors;

    /// <summary>The k-th stacked tensor.</summary>
    public torch.Tensor this[int index] => _tensors[index];

    /// <summary>How many tensors each sample has.</summary>
    public int Count => _tensors.Length;

    /// <summary>A batch of (input, target) pairs.</summary>
    public void Deconstruct(out torch.Tensor first, out torch.Tensor second)
    {
        RequireCount(2);
        (first, second) = (_tensors[0], _tensors[1]);
    }

    /// <summary>A batch of three tensors per sample.</summary>
    public void Deconstruct(out torch.Tensor first, out torch.Tensor second, out torch.Tensor third)
    {
        RequireCount(3);
        (first, second, third) = (_tensors[0], _tensors[1], _tensors[2]);
    }

    private void RequireCount(int wanted)
    {
        if (_tensors.Length != wanted)
            throw new InvalidOperationException($"cannot deconstruct a batch of {_tensors.Length} tensors into {wanted}");
    }

    /// <inheritdoc/>
    public IEnumerator<torch.Tensor> GetEnumerator() => ((IEnumerable<torch.Tensor>)_tensors).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
