using System.Net;
using System.Text.RegularExpressions;

namespace RnnLab.Plots.Svg;

/// <summary>
/// plotly.js text may hold a little HTML (&lt;br&gt;, &lt;b&gt;, &lt;sup&gt;, entities). The SVG shows its
/// words: &lt;br&gt; breaks the line, other tags are dropped, entities decoded.
/// </summary>
internal static partial class RichText
{
    public static string[] Lines(string text) =>
        [.. LineBreak().Split(text).Select(Plain)];

    /// <summary>One line: tags removed (a &lt;br&gt; becomes a space), entities decoded.</summary>
    public static string Plain(string text)
    {
        if (text.IndexOfAny(['<', '&']) < 0) return text;
        return WebUtility.HtmlDecode(Tag().Replace(LineBreak().Replace(text, " "), ""));
    }

    [GeneratedRegex("<br\\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex("</?[a-zA-Z][^>]*>")]
    private static partial Regex Tag();
}
