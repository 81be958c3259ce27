using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.CodeAnalysis.Scripting;
using RnnLab.Kernel.Directives;

namespace RnnLab.Kernel.Execution;

/// <summary>The outputs of the report magics (#!time, #!who, #!whos, #!lsmagic) and content magics (#!html, #!markdown).</summary>
internal static class SessionMagics
{
    private const int ValueWidth = 60;

    public static DisplayDataOutput Content(ContentMagicDirective magic) => new(magic.Name == "html"
        ? new Dictionary<string, string> { [MimeTypes.Html] = magic.Content, [MimeTypes.PlainText] = magic.Content }
        : new Dictionary<string, string> { [MimeTypes.Markdown] = magic.Content, [MimeTypes.PlainText] = magic.Content }, null);

    /// <summary>"Wall time: 12.3 ms": the whole cell, directives included.</summary>
    public static DisplayDataOutput WallTime(Stopwatch clock) => Text(
        $"Wall time: {clock.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms");

    public static DisplayDataOutput Report(string magic, ScriptState<object>? state) => magic switch
    {
        "who" => Text(string.Join('\t', Variables(state).Select(v => v.Name))),
        "whos" => Whos(Variables(state)),
        _ => Text("Magics: " + string.Join(' ', DirectiveParser.SupportedMagics) + " #!csharp (ignored)\n" +
                  "Directives: #r \"path.dll\", #r \"nuget: Id, Version\", #:package Id@Version, #i \"nuget: source\", #:project path"),
    };

    /// <summary>The visible variables: the latest value of each name, in order of first declaration.</summary>
    private static List<ScriptVariable> Variables(ScriptState<object>? state) =>
        state is null ? [] : state.Variables.GroupBy(v => v.Name).Select(g => g.Last()).ToList();

    private static DisplayDataOutput Whos(List<ScriptVariable> variables)
    {
        var html = new StringBuilder("<table>\n<thead><tr><th>Variable</th><th>Type</th><th>Value</th></tr></thead>\n<tbody>\n");
        var text = new StringBuilder();
        foreach (var variable in variables)
        {
            string value = Shorten(PlainTextFormatter.Format(variable.Value));
            string type = TypeName(variable.Type);
            html.Append("<tr><td>").Append(WebUtility.HtmlEncode(variable.Name)).Append("</td><td>").Append(WebUtility.HtmlEncode(type))
                .Append("</td><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>\n");
            text.Append(variable.Name).Append('\t').Append(type).Append('\t').Append(value).Append('\n');
        }
        html.Append("</tbody>\n</table>");
        return new DisplayDataOutput(new Dictionary<string, string> { [MimeTypes.Html] = html.ToString(), [MimeTypes.PlainText] = text.ToString() }, null);
    }

    private static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;

    private static string Shorten(string value)
    {
        value = value.ReplaceLineEndings(" ");
        return value.Length <= ValueWidth ? value : value[..(ValueWidth - 3)] + "...";
    }

    private static DisplayDataOutput Text(string text) => new(new Dictionary<string, string> { [MimeTypes.PlainText] = text }, null);
}
