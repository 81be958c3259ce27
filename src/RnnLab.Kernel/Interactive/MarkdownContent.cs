using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Interactive;

/// <summary>Markdown rendered by the front end (what Markdown("...") returns); text/plain keeps the source.</summary>
public sealed class MarkdownContent(string markdown)
{
    public string Markdown { get; } = markdown;

    public IReadOnlyDictionary<string, string> ToMimeBundle() =>
        new Dictionary<string, string> { [MimeTypes.Markdown] = Markdown, [MimeTypes.PlainText] = Markdown };

    public override string ToString() => Markdown;
}
