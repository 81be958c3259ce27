namespace RnnLab.Kernel.Execution;

/// <summary>
/// Turns any value into a MIME bundle, first match wins: a display registered with .NET Interactive's
/// formatting API (<see cref="FormatterRegistrations"/>), the object's own bundle
/// (<see cref="MimeBundleConvention"/>), else text/plain plus an HTML table for sequences of records.
/// </summary>
public static class ValueFormatter
{
    public static IReadOnlyDictionary<string, string> Format(object? value)
    {
        if (value is not null && FormatterRegistrations.TryFormat(value, PlainTextFormatter.Format, ReportFailure) is { } registered)
            return registered;
        if (value is not null && MimeBundleConvention.TryGetBundle(value) is { } own) return own;
        var bundle = new Dictionary<string, string> { [MimeTypes.PlainText] = PlainTextFormatter.Format(value) };
        if (value is not null && HtmlTableFormatter.TryFormat(value) is { } table) bundle[MimeTypes.Html] = table;
        return bundle;
    }

    /// <summary>A broken display must not cost the cell its result: say so on stderr and show the rest.</summary>
    private static void ReportFailure(string message)
    {
        if (CellOutputChannel.Current is { } channel) channel.WriteStream("stderr", message + "\n");
        else Console.Error.WriteLine(message);
    }
}
