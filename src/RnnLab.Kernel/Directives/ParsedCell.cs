namespace RnnLab.Kernel.Directives;

/// <summary>A cell split into its directives and its C# (directive lines blanked so line numbers still match the cell).</summary>
public sealed record ParsedCell(string Code, IReadOnlyList<Directive> Directives);
