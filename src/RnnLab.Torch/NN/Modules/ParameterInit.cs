namespace RnnLab.Torch.Modules;

/// <summary>
/// PyTorch's default initialisations, drawn from torch's generator in parameter order so that
/// torch.manual_seed(s) gives the very weights PyTorch 1.13 gives for the same seed.
/// </summary>
internal static class ParameterInit
{
    /// <summary>A fresh parameter of the given shape, uninitialised (zeros) until an init fills it.</summary>
    public static torch.Tensor Empty(params long[] shape) => torch.nn.Parameter(LocalTensorOps.Zeros(shape));

    /// <summary>Recurrent layers and cells: every parameter from U(-1/sqrt(hidden), 1/sqrt(hidden)).</summary>
    public static void RecurrentUniform(IEnumerable<torch.Tensor> parameters, long hiddenSize)
    {
        double bound = hiddenSize > 0 ? 1.0 / Math.Sqrt(hiddenSize) : 0.0;
        using var _ = torch.no_grad();
        foreach (torch.Tensor p in parameters) torch.nn.init.uniform_(p, -bound, bound);
    }

    /// <summary>Linear: kaiming_uniform_(a=sqrt(5)) on the weight, then the bias from U(-1/sqrt(fan_in), 1/sqrt(fan_in)).</summary>
    public static void Linear(torch.Tensor weight, torch.Tensor? bias)
    {
        using var _ = torch.no_grad();
        torch.nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (bias is null) return;
        long fanIn = weight.Sizes[1];
        double bound = fanIn > 0 ? 1.0 / Math.Sqrt(fanIn) : 0.0;
        torch.nn.init.uniform_(bias, -bound, bound);
    }
}
