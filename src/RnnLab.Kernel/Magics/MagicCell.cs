namespace RnnLab.Kernel.Magics;

/// <summary>
/// A cell with its magic lines taken out. <see cref="Code"/> is the C# (magic lines blanked so line
/// numbers still match the cell); <see cref="Content"/> is what follows #!html or #!markdown;
/// <see cref="Error"/> says why the cell cannot run (an unsupported magic).
/// </summary>
public sealed record MagicCell(string Code, IReadOnlySet<string> Commands, MagicContent? Content, string? Error)
{
    public bool Has(string command) => Commands.Contains(command);
}

/// <summary>The rest of a cell after #!html or #!markdown, shown as that MIME type.</summary>
public sealed record MagicContent(string MimeType, string Text);
