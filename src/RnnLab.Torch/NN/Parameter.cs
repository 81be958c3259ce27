using System.Runtime.CompilerServices;

namespace RnnLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Makes a trainable parameter: a leaf tensor sharing <paramref name="data"/>'s storage, with
        /// requires_grad set. TorchSharp returns a Parameter subclass of Tensor; our Tensor is sealed, so
        /// a parameter is a Tensor remembered as one: RegisterComponents registers tensors made here as
        /// parameters and every other Tensor field as a buffer.
        /// </summary>
        public static Tensor Parameter(Tensor data, bool requires_grad = true)
        {
            Tensor parameter = data.detach();
            parameter.requires_grad = requires_grad;
            ParameterRegistry.Mark(parameter);
            return parameter;
        }
    }
}

/// <summary>Which tensors are parameters (made by nn.Parameter or registered as one); weak, so tensors can be collected.</summary>
internal static class ParameterRegistry
{
    private static readonly ConditionalWeakTable<torch.Tensor, object> Parameters = new();

    public static void Mark(torch.Tensor tensor) => Parameters.AddOrUpdate(tensor, tensor);

    public static bool IsParameter(torch.Tensor tensor) => Parameters.TryGetValue(tensor, out _);
}
