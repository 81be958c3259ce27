using System.Reflection;
using TorchSharp.Modules;
using static System.FormattableString;
using static TorchSharp.torch;

namespace RnnLab.Display;

/// <summary>
/// PyTorch's extra_repr() of the modules RnnLab's notebooks use, from what TorchSharp 0.107 exposes:
/// shapes of the parameters, public properties, and for the recurrent layers one private field.
/// Hyperparameters TorchSharp keeps only inside libtorch are left out (README "Printing modules").
/// </summary>
internal static class ModuleHyperparameters
{
    /// <summary>What goes between the parentheses: "" for none, "..." for a TorchSharp module not described here.</summary>
    public static string Of(nn.Module module) => module switch
    {
        Linear linear => Invariant($"in_features={linear.in_features}, out_features={linear.out_features}, bias={Py(linear.bias is not null)}"),
        RNN or LSTM or GRU => Recurrent(module),
        RNNCell or LSTMCell or GRUCell => Cell(module),
        Embedding => string.Join(", ", ParameterShapes(module)["weight"].Select(size => Invariant($"{size}"))),
        Dropout dropout => Invariant($"p={PythonFloatFormat.Repr(dropout.p)}, inplace={Py(dropout.inplace)}"),
        ReLU relu => relu.inplace ? "inplace=True" : "",
        Softmax softmax => Invariant($"dim={softmax.dim}"),
        LogSoftmax logSoftmax => Invariant($"dim={logSoftmax.dim}"),
        Flatten flatten => Invariant($"start_dim={flatten.start_dim}, end_dim={flatten.end_dim}"),
        Tanh or Sigmoid or Identity or Sequential => "",
        _ when module.GetType() is { IsGenericType: true } type
               && (type.GetGenericTypeDefinition() == typeof(ModuleList<>) || type.GetGenericTypeDefinition() == typeof(ModuleDict<>)) => "",
        // Another TorchSharp module has hyperparameters this printer does not read: say so.
        _ when module.GetType().Assembly == typeof(nn.Module).Assembly => "...",
        // The user's own module: like PyTorch's default extra_repr, nothing but its children.
        _ => "",
    };

    /// <summary>nn.RNN / LSTM / GRU: "10, 20, num_layers=2, batch_first=True" (dropout is not readable).</summary>
    private static string Recurrent(nn.Module module)
    {
        var shapes = ParameterShapes(module);
        long layers = shapes.Keys.Count(n => n.StartsWith("weight_ih_l", StringComparison.Ordinal) && !n.EndsWith("_reverse", StringComparison.Ordinal));
        var text = new List<string> { Invariant($"{shapes["weight_ih_l0"][1]}, {shapes["weight_hh_l0"][1]}") };
        if (layers != 1) text.Add(Invariant($"num_layers={layers}"));
        if (!shapes.ContainsKey("bias_ih_l0")) text.Add("bias=False");
        if (BatchFirst(module)) text.Add("batch_first=True");
        if (shapes.ContainsKey("weight_ih_l0_reverse")) text.Add("bidirectional=True");
        return string.Join(", ", text);
    }

    /// <summary>nn.RNNCell / LSTMCell / GRUCell: "10, 20" and bias=False (RNNCell's nonlinearity is not readable).</summary>
    private static string Cell(nn.Module module)
    {
        var shapes = ParameterShapes(module);
        string text = Invariant($"{shapes["weight_ih"][1]}, {shapes["weight_hh"][1]}");
        return shapes.ContainsKey("bias_ih") ? text : text + ", bias=False";
    }

    /// <summary>
    /// The module's own parameters' shapes by name (the registered Parameters: getters such as
    /// Embedding.weight would make a new native handle per call).
    /// </summary>
    private static Dictionary<string, long[]> ParameterShapes(nn.Module module) =>
        module.named_parameters(recurse: false).ToDictionary(p => p.name, p => p.parameter.shape);

    /// <summary>
    /// batch_first lives only in a private field of TorchSharp's RNN, LSTM and GRU (0.107); the
    /// fixture tests fail if a TorchSharp update renames it.
    /// </summary>
    private static bool BatchFirst(nn.Module recurrent) =>
        recurrent.GetType().GetField("_batch_first", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(recurrent) is true;

    private static string Py(bool value) => value ? "True" : "False";
}
