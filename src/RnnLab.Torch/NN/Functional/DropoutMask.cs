namespace RnnLab.Torch;

/// <summary>Inverted-dropout masks: each element kept with probability 1-p and scaled by 1/(1-p), drawn from torch's generator.</summary>
internal static class DropoutMask
{
    public static float[] Create(int count, double p)
    {
        var mask = new float[count];
        if (p >= 1) return mask;
        var uniform = torch.Tensor.FromContiguous(new float[count], [count]);
        torch.nn.init.uniform_(uniform, 0, 1);
        float scale = (float)(1.0 / (1.0 - p));
        ReadOnlySpan<float> u = uniform.ContiguousFloatSpan();
        for (int i = 0; i < count; i++) mask[i] = u[i] >= p ? scale : 0f;
        return mask;
    }
}
