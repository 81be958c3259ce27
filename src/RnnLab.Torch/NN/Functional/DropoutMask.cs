namespace RnnLab.Torch;

/// <summary>
/// Inverted-dropout masks built as CPU PyTorch builds them: empty.bernoulli_(1 - p) / (1 - p) from torch's
/// generator, so the same seed drops the same elements as PyTorch (in F.dropout and between RNN layers).
/// </summary>
internal static class DropoutMask
{
    public static float[] Create(int count, double p)
    {
        if (p >= 1) return new float[count];
        var noise = torch.Tensor.FromContiguous(new float[count], [count]);
        noise.bernoulli_(1 - p);
        float[] mask = noise.ToFloatArray();
        float keep = (float)(1 - p);
        System.Numerics.Tensors.TensorPrimitives.Divide(mask, keep, mask);
        return mask;
    }
}
