using static TorchSharp.torch;

namespace RnnLab;

/// <summary>Shapes written the way PyTorch prints a tuple, so prose, tables and output agree.</summary>
public static class Shapes
{
    /// <summary>e.g. (5, 3, 20); a 1-D shape as (7,).</summary>
    public static string Text(IReadOnlyList<long> shape) => TensorValues.ShapeText(shape);

    /// <summary>The shape of a tensor, e.g. (5, 3, 20), as print(tuple(t.shape)) shows it.</summary>
    public static string Of(Tensor tensor) =>
        Text(TensorArguments.NotNull(tensor, "Shapes.Of", nameof(tensor)).shape);
}
