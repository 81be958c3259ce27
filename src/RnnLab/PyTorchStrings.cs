using RnnLab.Display;
using static TorchSharp.torch;

namespace RnnLab;

/// <summary>
/// Values and structure as the PyTorch articles print them, for Console.WriteLine and string
/// interpolation (TorchSharp's own ToString() is only "[2x3], type = Float32, device = cpu").
/// Named like TorchSharp's str()/npstr()/jlstr() family; a cell's trailing value needs none of
/// this, the registered display already shows the same text.
/// </summary>
public static class PyTorchStrings
{
    /// <summary>
    /// PyTorch's str(tensor): <c>tensor([[ 0.1234, -1.2000]], requires_grad=True)</c>. A tensor that
    /// PyTorch would show with grad_fn=&lt;...&gt; shows requires_grad=True (TorchSharp does not expose the node).
    /// </summary>
    /// <exception cref="ArgumentException">A complex or quantized dtype, which this printer does not handle.</exception>
    public static string pystr(this Tensor tensor) => TensorFormatter.ToPythonString(tensor);

    /// <summary>PyTorch's repr(module): <c>RNN(10, 20, num_layers=2, batch_first=True)</c>, children as <c>(name): ...</c>.</summary>
    public static string pystr(this nn.Module module) => ModuleFormatter.ToPythonString(module);
}
