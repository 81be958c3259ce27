namespace RnnLab.Kernel.Intellisense;

/// <summary>
/// A complete_reply: the names that may replace the text between <see cref="CursorStart"/> and
/// <see cref="CursorEnd"/> (Unicode code-point offsets, as the protocol counts them).
/// </summary>
public sealed record CompletionAnswer(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd);
