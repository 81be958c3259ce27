using RnnLab.Display;
using static TorchSharp.torch;

namespace RnnLab;

/// <summary>
/// The argument checks of every public helper that takes tensors. A wrong tensor fails at the
/// helper's door, naming the helper, the argument and what it got, spelled as PyTorch prints it
/// (torch.Size([5, 3]), torch.float64, cuda:0), instead of deep inside libtorch or as a wrong chart.
/// </summary>
internal static class TensorArguments
{
    /// <summary>PyTorch's str(tensor.shape): torch.Size([5, 3]).</summary>
    public static string Size(IReadOnlyList<long> shape) => $"torch.Size([{string.Join(", ", shape)}])";

    /// <summary>Throws ArgumentNullException for a null tensor, naming it.</summary>
    public static Tensor NotNull(Tensor? tensor, string helper, string name) =>
        tensor ?? throw new ArgumentNullException(name, $"{helper}: {name} is null");

    /// <summary>Requires exactly <paramref name="dims"/> dimensions, described by <paramref name="layout"/>, e.g. "(time, features)".</summary>
    public static void Dims(Tensor tensor, int dims, string layout, string helper, string name)
    {
        NotNull(tensor, helper, name);
        if (tensor.dim() != dims)
            throw new ArgumentException(
                $"{helper}: {name} must be {dims}-D {layout}, but got {Size(tensor.shape)}", name);
    }

    /// <summary>Requires a 1-D tensor, or one whose dimensions are all 1 but one (a row or a column).</summary>
    public static void Vector(Tensor tensor, string helper, string name)
    {
        NotNull(tensor, helper, name);
        if (tensor.shape.Count(s => s != 1) > 1)
            throw new ArgumentException($"{helper}: {name} must be 1-D, but got {Size(tensor.shape)}", name);
    }

    /// <summary>Requires a real dtype whose values read as numbers: floating point, integer or bool (not complex or quantized).</summary>
    public static void Real(Tensor tensor, string helper, string name)
    {
        NotNull(tensor, helper, name);
        if (!TensorFormatter.Supports(tensor.dtype))
            throw new ArgumentException(
                $"{helper}: {name} must have a real dtype, but got {TorchNames.DType(tensor.dtype)}", name);
    }

    /// <summary>Requires a floating-point dtype (float16, bfloat16, float32, float64).</summary>
    public static void Floating(Tensor tensor, string helper, string name)
    {
        NotNull(tensor, helper, name);
        if (!tensor.is_floating_point())
            throw new ArgumentException(
                $"{helper}: {name} must have a floating-point dtype, but got {TorchNames.DType(tensor.dtype)}", name);
    }

    /// <summary>Two tensors compared with each other: same dtype and same device, as torch.allclose requires.</summary>
    public static void Comparable(Tensor actual, string actualName, Tensor expected, string expectedName, string helper)
    {
        Real(actual, helper, actualName);
        Real(expected, helper, expectedName);
        if (actual.dtype != expected.dtype)
            throw new ArgumentException(
                $"{helper}: {actualName} has dtype {TorchNames.DType(actual.dtype)} but {expectedName} has dtype "
                + $"{TorchNames.DType(expected.dtype)}; convert one (.to(...)) to compare them", actualName);
        if (actual.device.ToString() != expected.device.ToString())
            throw new ArgumentException(
                $"{helper}: expected {actualName} and {expectedName} on the same device, but found {actual.device} and "
                + $"{expected.device}", actualName);
    }
}
