using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;

namespace RnnLab.Kernel.Execution;

/// <summary>
/// Displays registered with .NET Interactive's formatting API (<c>Formatter.Register&lt;T&gt;</c> per MIME type,
/// <c>Formatter.SetPreferredMimeTypesFor</c>): what Polyglot-era notebooks and libraries call, TorchSharp's C#
/// tutorials and our helper library among them. Only registrations made by code count: the package's built-in
/// defaults and <c>[TypeFormatterSource]</c> attributes are ignored (Plotly.NET 6's attribute renders the text
/// "LOL!"), so a type nobody registered keeps the kernel's own formatting.
/// </summary>
internal static class FormatterRegistrations
{
    public const string FormattingAssembly = "Microsoft.DotNet.Interactive.Formatting";
    private static volatile bool s_formattingLoaded;
    private static int s_watching;

    /// <summary>
    /// Nobody can have registered anything before the formatting assembly loads: until then the kernel skips it,
    /// so a session that never uses it pays nothing (its static constructor builds about 40 default formatters).
    /// </summary>
    public static void WatchForFormattingAssembly()
    {
        if (Interlocked.Exchange(ref s_watching, 1) == 1) return;
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
        {
            if (e.LoadedAssembly.GetName().Name == FormattingAssembly) s_formattingLoaded = true;
        };
        if (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == FormattingAssembly)) s_formattingLoaded = true;
    }

    /// <summary>Forgets every registration: each notebook the runner executes starts like a fresh kernel.</summary>
    public static void Reset()
    {
        if (s_formattingLoaded) ResetLoaded();
    }

    /// <summary>
    /// The bundle the registrations give <paramref name="value"/>, or null when none applies. text/plain is always
    /// there: the registered one, else <paramref name="plainText"/>. A formatter that throws is left out and
    /// reported through <paramref name="reportFailure"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? TryFormat(object value, Func<object, string> plainText, Action<string> reportFailure) =>
        s_formattingLoaded ? TryFormatLoaded(value, plainText, reportFailure) : null;

    private static void ResetLoaded() => Formatter.ResetToDefault();

    private static IReadOnlyDictionary<string, string>? TryFormatLoaded(object value, Func<object, string> plainText, Action<string> reportFailure)
    {
        var type = value.GetType();
        // Newest first, so among registrations for the same type the latest wins, as in .NET Interactive.
        var chosen = new Dictionary<string, (ITypeFormatter Formatter, int Distance)>(StringComparer.Ordinal);
        foreach (var formatter in Formatter.RegisteredFormatters(includeDefaults: false))
        {
            int distance = Distance(type, formatter.Type);
            if (distance < 0) continue;
            if (!chosen.TryGetValue(formatter.MimeType, out var best) || distance < best.Distance)
                chosen[formatter.MimeType] = (formatter, distance);
        }
        if (chosen.Count == 0) return null;

        // Preferred MIME types narrow the bundle only when code set them for this type or a base: the package's
        // default answer (text/html alone) would otherwise hide every other registration.
        var preferred = Formatter.GetPreferredMimeTypesFor(type);
        bool narrowed = PreferencesWereSetFor(type);
        var bundle = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (mimeType, (formatter, _)) in chosen)
        {
            if (narrowed && mimeType != MimeTypes.PlainText && !preferred.Contains(mimeType)) continue;
            if (Run(formatter, value, reportFailure) is { } text) bundle[mimeType] = text;
        }
        if (!bundle.ContainsKey(MimeTypes.PlainText)) bundle[MimeTypes.PlainText] = plainText(value);
        return bundle;
    }

    /// <summary>
    /// The public API cannot tell a preference someone set from the package's default, so this reads the stack that
    /// SetPreferredMimeTypesFor pushes onto (a private field of the version the kernel ships, pinned centrally;
    /// FormatterRegistrationTests fail if an update renames it). If the field is gone, preferences count as set.
    /// </summary>
    private static bool PreferencesWereSetFor(Type type)
    {
        var field = typeof(Formatter).GetField("_preferredMimeTypes", BindingFlags.NonPublic | BindingFlags.Static);
        if (field?.GetValue(null) is not System.Collections.IEnumerable entries) return true;
        foreach (var entry in entries)
        {
            if (entry is ValueTuple<Type, HashSet<string>> (var preferredFor, _) && preferredFor.IsAssignableFrom(type)) return true;
        }
        return false;
    }

    private static string? Run(ITypeFormatter formatter, object value, Action<string> reportFailure)
    {
        try
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            using var context = new FormatContext(writer);
            return formatter.Format(value, context) ? writer.ToString() : null;
        }
        catch (Exception e)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            reportFailure($"display: the {formatter.MimeType} formatter registered for {formatter.Type.Name} threw "
                + $"{cause.GetType().Name}: {cause.Message}; showing the value without it.");
            return null;
        }
    }

    /// <summary>How far <paramref name="registered"/> is above <paramref name="actual"/> (0 = same type), -1 when unrelated.</summary>
    private static int Distance(Type actual, Type registered)
    {
        int steps = 0;
        for (var t = actual; t is not null; t = t.BaseType, steps++)
        {
            if (t == registered || (registered.IsGenericTypeDefinition && t.IsGenericType && t.GetGenericTypeDefinition() == registered))
                return steps;
        }
        // Interfaces rank after every class in the chain, as their registrations are the least specific.
        return actual.GetInterfaces().Any(i => i == registered || (registered.IsGenericTypeDefinition && i.IsGenericType
            && i.GetGenericTypeDefinition() == registered)) ? 1000 : -1;
    }
}
