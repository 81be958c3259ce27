using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace RnnLab.Kernel.Execution;

/// <summary>text/plain for any value: C#-looking literals, sequences as [a, b, c] with a limit.</summary>
public static class PlainTextFormatter
{
    /// <summary>Elements shown of a sequence before "... (N more)".</summary>
    public const int SequenceLimit = 100;

    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary dictionary => FormatSequence(dictionary.Cast<DictionaryEntry>().Select(e => (object?)$"[{FormatInline(e.Key)}] = {FormatInline(e.Value)}"), dictionary.Count),
        IEnumerable sequence when !HasOwnToString(value.GetType()) => FormatSequence(sequence.Cast<object?>(), CountOf(sequence)),
        _ => FormatObject(value),
    };

    /// <summary>An element inside a sequence: strings quoted so [a, b] and ["a, b"] differ.</summary>
    public static string FormatInline(object? value) => value switch
    {
        string s => "\"" + s + "\"",
        char c => "'" + c + "'",
        _ => Format(value),
    };

    internal static int? CountOf(IEnumerable sequence) => sequence switch
    {
        ICollection c => c.Count,
        _ => null,
    };

    /// <summary>True when the type (or a base other than object) overrides ToString.</summary>
    internal static bool HasOwnToString(Type type)
    {
        var method = type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return method is not null && method.DeclaringType != typeof(object) && method.DeclaringType != typeof(ValueType);
    }

    private static string FormatSequence(IEnumerable<object?> items, int? count)
    {
        var text = new StringBuilder("[");
        int shown = 0;
        foreach (var item in items)
        {
            if (shown == SequenceLimit)
            {
                text.Append(count is int total ? $", ... ({total - shown} more)" : ", ...");
                break;
            }
            if (shown > 0) text.Append(", ");
            text.Append(FormatInline(item));
            shown++;
        }
        return text.Append(']').ToString();
    }

    private static string FormatObject(object value)
    {
        var type = value.GetType();
        if (HasOwnToString(type)) return value.ToString() ?? "";
        // No ToString of its own: show public properties the way records print themselves.
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
        if (properties.Length == 0) return value.ToString() ?? type.Name;
        var members = properties.Select(p => $"{p.Name} = {FormatInline(SafeGet(p, value))}");
        return $"{type.Name} {{ {string.Join(", ", members)} }}";
    }

    internal static object? SafeGet(PropertyInfo property, object target)
    {
        try
        {
            return property.GetValue(target);
        }
        catch (TargetInvocationException e)
        {
            return $"<{e.InnerException?.GetType().Name ?? "error"}>";
        }
    }
}
