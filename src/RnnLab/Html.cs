using System.Net;

namespace RnnLab;

/// <summary>The few HTML pieces the display objects share, so every table looks the same.</summary>
internal static class Html
{
    /// <summary>Text made safe for an HTML element or attribute.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);
}
