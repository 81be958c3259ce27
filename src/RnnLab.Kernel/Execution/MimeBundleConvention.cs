using System.Collections.Concurrent;
using System.Reflection;

namespace RnnLab.Kernel.Execution;

/// <summary>
/// The display convention libraries implement without referencing the kernel (like IPython's
/// _repr_mimebundle_): a public instance method <c>IReadOnlyDictionary&lt;string, string&gt; ToMimeBundle()</c>.
/// </summary>
public static class MimeBundleConvention
{
    public const string MethodName = "ToMimeBundle";

    private static readonly ConcurrentDictionary<Type, MethodInfo?> MethodByType = new();

    /// <summary>The object's own bundle, or null when its type does not follow the convention.</summary>
    public static IReadOnlyDictionary<string, string>? TryGetBundle(object value)
    {
        var method = MethodByType.GetOrAdd(value.GetType(), FindMethod);
        if (method is null) return null;
        var bundle = (IReadOnlyDictionary<string, string>?)method.Invoke(value, null);
        if (bundle is null) return null;
        if (bundle.ContainsKey(MimeTypes.PlainText)) return bundle;
        // text/plain is what terminals, diffs and nbconvert --to script show: never leave it out.
        var completed = new Dictionary<string, string>(bundle) { [MimeTypes.PlainText] = value.ToString() ?? "" };
        return completed;
    }

    private static MethodInfo? FindMethod(Type type)
    {
        var method = type.GetMethod(MethodName, BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return method is not null && typeof(IReadOnlyDictionary<string, string>).IsAssignableFrom(method.ReturnType)
            ? method
            : null;
    }
}
