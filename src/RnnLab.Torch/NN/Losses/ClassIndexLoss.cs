using RnnLab.Torch.Autograd;

namespace RnnLab.Torch.Modules;

/// <summary>
/// The shared kernel of cross_entropy and nll_loss with class-index targets. Input is (N, C), (C) or
/// (N, C, d1, ...) with classes on dim 1; target has the input's shape without the class dim.
/// Mean divides by the summed weights of the non-ignored targets, as PyTorch does.
/// </summary>
internal static class ClassIndexLoss
{
    /// <param name="fromLogits">True for cross_entropy (log_softmax applied here, fused), false for nll_loss (input already log-probabilities).</param>
    public static torch.Tensor Compute(string lossName, torch.Tensor input, torch.Tensor target, torch.Tensor? weight, long ignoreIndex,
        torch.nn.Reduction reduction, bool fromLogits)
    {
        if (input.dtype != torch.ScalarType.Float32)
            throw new ArgumentException($"{lossName}: expected a float32 input, got {torch.Tensor.DTypeName(input.dtype)}");
        if (target.dtype != torch.ScalarType.Int64)
            throw new ArgumentException($"{lossName}: expected scalar type Long but found {ScalarName(target.dtype)} (class-index targets must be int64)");
        if (input.dim() == 0) throw new ArgumentException($"{lossName}: input must have at least 1 dimension (classes), got a 0-d tensor");
        bool unbatched = input.dim() == 1;
        long[] inputShape = input.shape;
        int classes = (int)(unbatched ? inputShape[0] : inputShape[1]);
        int batch = unbatched ? 1 : (int)inputShape[0];
        int inner = unbatched ? 1 : (int)LocalTensorOps.Numel(inputShape.AsSpan(2));
        long[] expectedTarget = unbatched ? [] : [inputShape[0], .. inputShape.AsSpan(2)];
        if (!target.shape.AsSpan().SequenceEqual(expectedTarget))
        {
            if (!unbatched && target.dim() >= 1 && target.Sizes[0] != inputShape[0])
                throw new ArgumentException($"Expected input batch_size ({inputShape[0]}) to match target batch_size ({target.Sizes[0]}).");
            throw new ArgumentException($"{lossName}: expected target of shape {torch.Tensor.ShapeString(expectedTarget)} for input of shape {torch.Tensor.ShapeString(inputShape)}, got {torch.Tensor.ShapeString(target.shape)}");
        }
        float[]? classWeight = weight?.ToFloatArray();
        if (classWeight is not null && classWeight.Length != classes)
            throw new ArgumentException($"weight tensor should be defined either for all {classes} classes or no classes but got weight tensor of shape: {torch.Tensor.ShapeString(weight!.shape)}");

        long[] labels = target.ToArray<long>();
        float[] logProbabilities = input.ToFloatArray();
        if (fromLogits) LogSoftmaxOverClasses(logProbabilities, batch, classes, inner);
        int samples = batch * inner;
        var losses = new float[samples];
        var sampleWeights = new float[samples];
        double weightSum = 0;
        for (int n = 0; n < batch; n++)
            for (int k = 0; k < inner; k++)
            {
                int i = n * inner + k;
                long label = labels[i];
                if (label == ignoreIndex) continue;
                if (label < 0 || label >= classes) throw new IndexOutOfRangeException($"Target {label} is out of bounds.");
                float w = classWeight is null ? 1f : classWeight[label];
                sampleWeights[i] = w;
                weightSum += w;
                losses[i] = -w * logProbabilities[(n * classes + label) * inner + k];
            }

        torch.Tensor result;
        if (reduction == torch.nn.Reduction.None) result = torch.Tensor.FromContiguous(losses, target.shape);
        else
        {
            double sum = 0;
            foreach (float l in losses) sum += l;
            result = torch.Tensor.FromContiguous(new[] { (float)(reduction == torch.nn.Reduction.Mean ? sum / weightSum : sum) }, []);
        }
        if (Node.ShouldRecord(input))
            new ClassIndexLossBackward(fromLogits ? "CrossEntropyLossBackward0" : "NllLossBackward0", logProbabilities, labels, sampleWeights,
                batch, classes, inner, inputShape, reduction, (float)weightSum, fromLogits).Record([input], [result]);
        return result;
    }

    /// <summary>In-place log_softmax over the class dim of (batch, classes, inner) data.</summary>
    public static void LogSoftmaxOverClasses(float[] data, int batch, int classes, int inner)
    {
        for (int n = 0; n < batch; n++)
            for (int k = 0; k < inner; k++)
            {
                int start = n * classes * inner + k;
                float max = float.NegativeInfinity;
                for (int c = 0; c < classes; c++) max = MathF.Max(max, data[start + c * inner]);
                double sum = 0;
                for (int c = 0; c < classes; c++) sum += Math.Exp(data[start + c * inner] - max);
                float logSum = (float)Math.Log(sum);
                for (int c = 0; c < classes; c++) data[start + c * inner] = data[start + c * inner] - max - logSum;
            }
    }

    private static string ScalarName(torch.ScalarType type) => type switch
    {
        torch.ScalarType.Float32 => "Float",
        torch.ScalarType.Int64 => "Long",
        torch.ScalarType.Bool => "Bool",
        _ => type.ToString(),
    };
}

/// <summary>
/// d loss / d input: for nll_loss -w[y] at the target class; for cross_entropy (fused with log_softmax)
/// w[y] (softmax - onehot(y)); each scaled by the upstream gradient (divided by the weight sum for mean).
/// </summary>
internal sealed class ClassIndexLossBackward(string nodeName, float[] logProbabilities, long[] labels, float[] sampleWeights,
    int batch, int classes, int inner, long[] inputShape, torch.nn.Reduction reduction, float weightSum, bool fromLogits) : Node
{
    public override string name() => nodeName;

    protected override torch.Tensor?[] Backward(torch.Tensor?[] gradOutputs)
    {
        ReadOnlySpan<float> upstream = LocalTensorOps.Read(gradOutputs[0]!);
        var d = new float[logProbabilities.Length];
        for (int n = 0; n < batch; n++)
            for (int k = 0; k < inner; k++)
            {
                int i = n * inner + k;
                float w = sampleWeights[i];
                if (w == 0f) continue;
                float g = reduction switch
                {
                    torch.nn.Reduction.None => upstream[i],
                    torch.nn.Reduction.Mean => upstream[0] / weightSum,
                    _ => upstream[0],
                } * w;
                int start = n * classes * inner + k;
                if (fromLogits)
                    for (int c = 0; c < classes; c++) d[start + c * inner] = g * MathF.Exp(logProbabilities[start + c * inner]);
                d[start + (int)labels[i] * inner] -= g;
            }
        return [torch.Tensor.FromContiguous(d, inputShape)];
    }
}
