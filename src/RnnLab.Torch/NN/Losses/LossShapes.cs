using RnnLab.Torch.Autograd;

namespace RnnLab.Torch.Modules;

/// <summary>Shared checks and the elementwise-loss node (MSE, L1, BCE-with-logits): loss values and d loss / d input per element.</summary>
internal static class ElementwiseLoss
{
    public static void CheckSameShape(string loss, torch.Tensor input, torch.Tensor target)
    {
        if (!input.shape.AsSpan().SequenceEqual(target.shape))
            throw new ArgumentException(
                $"{loss}: target size ({torch.Tensor.ShapeString(target.shape)}) must be the same as input size ({torch.Tensor.ShapeString(input.shape)})");
        if (input.dtype != torch.ScalarType.Float32 || target.dtype != torch.ScalarType.Float32)
            throw new ArgumentException($"{loss}: expected float32 input and target, got {torch.Tensor.DTypeName(input.dtype)} and {torch.Tensor.DTypeName(target.dtype)}");
    }

    /// <summary>Reduces per-element <paramref name="losses"/> and records one node whose input gradient is <paramref name="derivatives"/> times the upstream gradient.</summary>
    public static torch.Tensor Reduce(string nodeName, torch.Tensor input, float[] losses, float[] derivatives, torch.nn.Reduction reduction)
    {
        torch.Tensor result;
        if (reduction == torch.nn.Reduction.None) result = torch.Tensor.FromContiguous(losses, input.shape);
        else
        {
            double sum = 0;
            foreach (float l in losses) sum += l;
            if (reduction == torch.nn.Reduction.Mean) sum /= losses.Length;
            result = torch.Tensor.FromContiguous(new[] { (float)sum }, []);
        }
        if (Node.ShouldRecord(input)) new ElementwiseLossBackward(nodeName, derivatives, input.shape, reduction).Record([input], [result]);
        return result;
    }
}

internal sealed class ElementwiseLossBackward(string nodeName, float[] derivatives, long[] inputShape, torch.nn.Reduction reduction) : Node
{
    public override string name() => nodeName;

    protected override torch.Tensor?[] Backward(torch.Tensor?[] gradOutputs)
    {
        var d = (float[])derivatives.Clone();
        if (reduction == torch.nn.Reduction.None)
            System.Numerics.Tensors.TensorPrimitives.Multiply(d, LocalTensorOps.Read(gradOutputs[0]!), d);
        else
        {
            float scale = LocalTensorOps.Read(gradOutputs[0]!)[0];
            if (reduction == torch.nn.Reduction.Mean) scale /= d.Length;
            System.Numerics.Tensors.TensorPrimitives.Multiply(d, scale, d);
        }
        return [torch.Tensor.FromContiguous(d, inputShape)];
    }
}
