namespace RnnLab.Kernel.Execution;

/// <summary>
/// Turns any value into a MIME bundle: the object's own bundle when it follows
/// <see cref="MimeBundleConvention"/>, otherwise text/plain plus an HTML table for sequences of records.
/// </summary>
public static class ValueFormatter
{
    public static IReadOnlyDictionary<string, string> Format(object? value)
    {
        if (value is not null && MimeBundleConvention.TryGetBundle(value) is { } own) return own;
        var bundle = new Dictionary<string, string> { [MimeTypes.PlainText] = PlainTextFormatter.Format(value) };
        if (value is not null && HtmlTableFormatter.TryFormat(value) is { } table) bundle[MimeTypes.Html] = table;
        return bundle;
    }
}
