using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnLab.Kernel.Intellisense;

/// <summary>
/// complete_request: the symbols Roslyn's semantic model has in scope at the cursor, with the cell compiled
/// as the next submission of the session's own script chain (so members of classes from earlier cells, earlier variables,
/// and namespaces and types of every referenced assembly are all known), filtered by the
/// identifier already typed. After a '.', members; elsewhere, symbols in scope plus C# keywords.
/// </summary>
public static class CellCompleter
{
    private static readonly string[] Keywords = SyntaxFacts.GetKeywordKinds()
        .Concat(SyntaxFacts.GetContextualKeywordKinds())
        .Select(SyntaxFacts.GetText)
        .Where(k => k.Length > 0 && char.IsLetter(k[0]))
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    /// <param name="cursorPosition">Cursor as a code-point offset into <paramref name="code"/>.</param>
    public static CompletionAnswer Complete(SubmissionContext context, string code, int cursorPosition)
    {
        int cursor = CodePoints.ToUtf16(code, cursorPosition);
        int start = cursor;
        while (start > 0 && IsIdentifierPart(code[start - 1])) start--;
        string typed = code[start..cursor];
        int answerStart = CodePoints.FromUtf16(code, start), answerEnd = CodePoints.FromUtf16(code, cursor);

        var model = context.Analyze(DirectiveMask.Apply(code));
        var tree = model.SyntaxTree;
        var token = tree.GetRoot().FindToken(Math.Max(0, start - 1));
        // Nothing to offer inside comments and string literals (the user is writing prose or data).
        if (IsInComment(tree, start) || IsInsideLiteral(token, start)) return new CompletionAnswer([], answerStart, answerEnd);

var symbols = RecommendedSymbols(model, code, start);
        var names = symbols.Where(s => s.CanBeReferencedByName).Select(s => s.Name);
        if (!IsAfterMemberAccess(code, start)) names = names.Concat(Keywords);
        var matches = names.Where(n => n.StartsWith(typed, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new CompletionAnswer(matches, answerStart, answerEnd);
    }

    /// <summary>
    /// After "x." the members of x (namespace members, static members of a type, instance members and
    /// extension methods of a value); elsewhere every symbol in scope. The semantic model's lookup is
    /// used directly: Roslyn's Recommender needs a workspace document, which would mean recompiling
    /// every earlier cell in a workspace, while the scripting compilation already has the exact chain.
    /// </summary>
    private static IEnumerable<ISymbol> RecommendedSymbols(SemanticModel model, string code, int start)
    {
        if (!IsAfterMemberAccess(code, start)) return model.LookupSymbols(start);
        int dot = start - 1;
        while (char.IsWhiteSpace(code[dot])) dot--;
        var token = model.SyntaxTree.GetRoot().FindToken(dot);
        ExpressionSyntax? left = token.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            MemberBindingExpressionSyntax binding => (binding.Parent as ConditionalAccessExpressionSyntax)?.Expression,
            _ => null,
        };
        if (left is null) return [];
        var leftSymbol = model.GetSymbolInfo(left).Symbol;
        if (leftSymbol is INamespaceSymbol ns) return model.LookupNamespacesAndTypes(start, ns);
        if (leftSymbol is ITypeSymbol staticType) return model.LookupStaticMembers(start, staticType).Concat(staticType.GetTypeMembers());
        var type = model.GetTypeInfo(left).Type;
        if (type is null || type.TypeKind == TypeKind.Error) return [];
        return model.LookupSymbols(start, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic && s is not ITypeSymbol);
    }

    private static bool IsInComment(SyntaxTree tree, int position)
    {
        if (position == 0) return false;
        var trivia = tree.GetRoot().FindTrivia(position - 1);
        return trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
            || trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia);
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsAfterMemberAccess(string code, int start)
    {
        int i = start - 1;
        while (i >= 0 && char.IsWhiteSpace(code[i])) i--;
        return i >= 0 && code[i] == '.';
    }

    private static bool IsInsideLiteral(SyntaxToken token, int position) =>
        token.Span.Contains(position) && position > token.SpanStart
        && (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.CharacterLiteralToken)
            || token.IsKind(SyntaxKind.InterpolatedStringTextToken) || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
            || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken));
}
