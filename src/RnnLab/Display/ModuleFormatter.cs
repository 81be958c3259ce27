using System.Globalization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnLab.Display;

/// <summary>
/// PyTorch's repr(module) (torch/nn/modules/module.py __repr__): the class name, its
/// hyperparameters (<see cref="ModuleHyperparameters"/>) and each child as "(name): repr",
/// indented two spaces per level.
/// </summary>
internal static class ModuleFormatter
{
    public static string ToPythonString(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        string extra = ModuleHyperparameters.Of(module);
        List<string> extraLines = extra.Length == 0 ? [] : [.. extra.Split('\n')];
        List<string> childLines = [.. Children(module).Select(c => $"({c.name}): " + Indent(ToPythonString(c.module), 2))];
        string text = ClassName(module) + "(";
        if (extraLines.Count == 1 && childLines.Count == 0) text += extraLines[0];
        else if (extraLines.Count + childLines.Count > 0) text += "\n  " + string.Join("\n  ", extraLines.Concat(childLines)) + "\n";
        return text + ")";
    }

    /// <summary>
    /// The registered children; a ModuleList's items by index, because TorchSharp registers them only
    /// when the list's owner calls RegisterComponents, and PyTorch lists them from the start.
    /// </summary>
    private static IEnumerable<(string name, nn.Module module)> Children(nn.Module module) =>
        module.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ModuleList<>)
            ? ((System.Collections.IEnumerable)module).Cast<nn.Module>().Select((m, i) => (i.ToString(CultureInfo.InvariantCulture), m))
            : module.named_children();

    /// <summary>The class name as Python shows it: no generic arity suffix.</summary>
    private static string ClassName(nn.Module module)
    {
        string name = module.GetType().Name;
        int tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick];
    }

    /// <summary>Indents every line but the first (PyTorch's _addindent).</summary>
    private static string Indent(string text, int spaces) =>
        text.Replace("\n", "\n" + new string(' ', spaces));
}
