using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Autograd;

/// <summary>
/// A node whose backward is a closure over the tensors it saved. Most ops' gradients are short
/// compositions of other ops (run with recording off), so one closure per op beats one class per op.
/// </summary>
internal sealed class FunctionBackward(string nodeName, Func<Tensor, Tensor?[]> backward) : Node
{
    private Func<Tensor, Tensor?[]>? _backward = backward;

    public override string name() => nodeName;

    protected override Tensor?[] Backward(Tensor?[] gradOutputs)
    {
        Func<Tensor, Tensor?[]> backward = _backward ?? throw new InvalidOperationException($"{nodeName}: saved tensors were released");
        Tensor grad = gradOutputs[0] ?? throw new InvalidOperationException($"{nodeName}: no gradient for its output");
        return backward(grad);
    }

    protected override void ReleaseSavedTensors() => _backward = null;

    /// <summary>Records <paramref name="output"/> as made from <paramref name="inputs"/> when autograd is on for any of them.</summary>
    public static Tensor Record(string name, Tensor output, Tensor?[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        if (Node.ShouldRecord(inputs)) new FunctionBackward(name, backward).Record(inputs, [output]);
        return output;
    }
}
