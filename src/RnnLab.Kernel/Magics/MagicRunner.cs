using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Magics;

/// <summary>
/// Runs a cell's magics around its C#: #!time measures the C# part; #!who, #!whos and #!lsmagic
/// show their listing after it; #!html and #!markdown display their content. Outputs are
/// display_data so they sit in order with the cell's other output.
/// </summary>
public static class MagicRunner
{
    private const int ValueWidth = 60;

    /// <param name="runCSharp">Runs the C# part (empty when the cell has only magics); returns its error, if any.</param>
    /// <param name="variables">The session's variables after the C# ran.</param>
    public static ErrorOutput? Run(MagicCell cell, Func<string, ErrorOutput?> runCSharp, Action<CellOutput> publish, Func<IReadOnlyList<SessionVariable>> variables)
    {
        if (cell.Error is not null) return new ErrorOutput("MagicCommandError", cell.Error, [cell.Error]);
        var clock = Stopwatch.StartNew();
        var error = string.IsNullOrWhiteSpace(cell.Code) ? null : runCSharp(cell.Code);
        clock.Stop();
        if (error is not null) return error;

        if (cell.Content is { } content)
            publish(new DisplayDataOutput(new Dictionary<string, string> { [content.MimeType] = content.Text, [MimeTypes.PlainText] = content.Text }, null));
        if (cell.Has(MagicCommands.Who)) publish(Who(variables()));
        if (cell.Has(MagicCommands.Whos)) publish(Whos(variables()));
        if (cell.Has(MagicCommands.LsMagic)) publish(LsMagic());
        if (cell.Has(MagicCommands.Time)) publish(Text(WallTime(clock.Elapsed)));
        return null;
    }

    /// <summary>"Wall time: 12.3 ms" (or seconds from one second up), as .NET Interactive and IPython say it.</summary>
    public static string WallTime(TimeSpan elapsed) => elapsed.TotalSeconds >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"Wall time: {elapsed.TotalSeconds:0.000} s")
        : string.Create(CultureInfo.InvariantCulture, $"Wall time: {elapsed.TotalMilliseconds:0.0} ms");

    private static DisplayDataOutput Who(IReadOnlyList<SessionVariable> variables) =>
        Text(variables.Count == 0 ? "No variables are defined yet." : string.Join('\t', variables.Select(v => v.Name)));

    private static DisplayDataOutput Whos(IReadOnlyList<SessionVariable> variables)
    {
        if (variables.Count == 0) return Text("No variables are defined yet.");
        var rows = variables.Select(v => (v.Name, Type: FriendlyTypeName.Of(v.Type), Value: ShortValue(v.Value))).ToList();
        int nameWidth = Math.Max("Variable".Length, rows.Max(r => r.Name.Length));
        int typeWidth = Math.Max("Type".Length, rows.Max(r => r.Type.Length));
        var plain = new StringBuilder();
        plain.Append("Variable".PadRight(nameWidth)).Append("  ").Append("Type".PadRight(typeWidth)).Append("  Value\n");
        plain.Append(new string('-', nameWidth)).Append("  ").Append(new string('-', typeWidth)).Append("  -----\n");
        var html = new StringBuilder("<table>\n<thead><tr><th>Variable</th><th>Type</th><th>Value</th></tr></thead>\n<tbody>\n");
        foreach (var (name, type, value) in rows)
        {
            plain.Append(name.PadRight(nameWidth)).Append("  ").Append(type.PadRight(typeWidth)).Append("  ").Append(value).Append('\n');
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(name)).Append("</td><td>").Append(WebUtility.HtmlEncode(type))
                .Append("</td><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>");
        return new DisplayDataOutput(new Dictionary<string, string> { [MimeTypes.PlainText] = plain.ToString().TrimEnd('\n'), [MimeTypes.Html] = html.ToString() }, null);
    }

    private static DisplayDataOutput LsMagic()
    {
        int width = MagicCommands.Supported.Concat(MagicCommands.Directives).Max(m => m.Name.Length);
        var text = new StringBuilder("Magic commands (one per line, anywhere in a cell):\n");
        foreach (var (name, help) in MagicCommands.Supported) text.Append("  ").Append(name.PadRight(width)).Append("  ").Append(help).Append('\n');
        text.Append("Directives:\n");
        foreach (var (name, help) in MagicCommands.Directives) text.Append("  ").Append(name.PadRight(width)).Append("  ").Append(help).Append('\n');
        text.Append("Not supported (other languages and kernels): ").Append(string.Join(' ', MagicCommands.Unsupported.Keys.Order(StringComparer.Ordinal)));
        return Text(text.ToString());
    }

    /// <summary>One line of at most <see cref="ValueWidth"/> characters; a failing ToString shows as its exception type.</summary>
    private static string ShortValue(object? value)
    {
        string text;
        try
        {
            text = PlainTextFormatter.Format(value);
        }
        catch (Exception e)
        {
            text = $"<{e.GetType().Name}>";
        }
        text = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= ValueWidth ? text : text[..(ValueWidth - 3)] + "...";
    }

    private static DisplayDataOutput Text(string text) => new(new Dictionary<string, string> { [MimeTypes.PlainText] = text }, null);
}
