using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Intellisense;

/// <summary>
/// inspect_request (Shift-Tab in Notebook, hover help in JupyterLab): the signature and XML-doc
/// summary of the symbol under the cursor, or just before it (the cursor usually sits after the name).
/// Method groups list their overloads.
/// </summary>
public static class CellInspector
{
    private const int OverloadLimit = 8;

    private static readonly SymbolDisplayFormat Signature = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMemberOptions(SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeContainingType)
        .AddParameterOptions(SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue)
        .AddKindOptions(SymbolDisplayKindOptions.IncludeTypeKeyword);

    /// <param name="cursorPosition">Cursor as a code-point offset into <paramref name="code"/>.</param>
    public static InspectionAnswer Inspect(SubmissionContext context, string code, int cursorPosition)
    {
        int cursor = CodePoints.ToUtf16(code, cursorPosition);
        var model = context.Analyze(DirectiveMask.Apply(code));
        var root = model.SyntaxTree.GetRoot();
        var symbols = SymbolsAt(model, root, cursor);
        if (symbols.Count == 0 && cursor > 0) symbols = SymbolsAt(model, root, cursor - 1);
        if (symbols.Count == 0) return InspectionAnswer.NotFound;

        var signatures = symbols.Take(OverloadLimit).Select(s => s.ToDisplayString(Signature)).Distinct().ToList();
        if (symbols.Count > OverloadLimit) signatures.Add($"(+{symbols.Count - OverloadLimit} more overloads)");
        string? summary = XmlDocumentation.Summary(symbols[0], model.Compilation);

        var plain = new StringBuilder(string.Join('\n', signatures));
        var markdown = new StringBuilder("```csharp\n").Append(string.Join('\n', signatures)).Append("\n```");
        if (summary is not null)
        {
            plain.Append("\n\n").Append(summary);
            markdown.Append("\n\n").Append(summary);
        }
        return new InspectionAnswer(true, new Dictionary<string, string>
        {
            [MimeTypes.PlainText] = plain.ToString(),
            [MimeTypes.Markdown] = markdown.ToString(),
        });
    }

    private static List<ISymbol> SymbolsAt(SemanticModel model, SyntaxNode root, int position)
    {
        if (position >= root.FullSpan.End) return [];
        var token = root.FindToken(position);
        if (!token.Span.Contains(position) || !(token.IsKind(SyntaxKind.IdentifierToken) || SyntaxFacts.IsPredefinedType(token.Kind())))
            return [];
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            var info = model.GetSymbolInfo(node);
            if (info.Symbol is { } symbol) return [Unreduced(symbol)];
            if (!info.CandidateSymbols.IsEmpty) return info.CandidateSymbols.Select(Unreduced).ToList();
            if (model.GetDeclaredSymbol(node) is { } declared) return [declared];
            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax) break;
        }
        return [];
    }

    /// <summary>Extension methods called as instance methods show their declaration (with "this").</summary>
    private static ISymbol Unreduced(ISymbol symbol) => symbol is IMethodSymbol { ReducedFrom: { } original } ? original : symbol;
}
