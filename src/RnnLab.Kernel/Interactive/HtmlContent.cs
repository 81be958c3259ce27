using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Interactive;

/// <summary>Markup shown as HTML (what HTML("...") returns); text/plain keeps the markup itself.</summary>
public sealed class HtmlContent(string html)
{
    public string Html { get; } = html;

    public IReadOnlyDictionary<string, string> ToMimeBundle() =>
        new Dictionary<string, string> { [MimeTypes.Html] = Html, [MimeTypes.PlainText] = Html };

    public override string ToString() => Html;
}
