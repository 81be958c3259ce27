using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnLab.Kernel.Execution;
using RnnLab.Kernel.Directives;

namespace RnnLab.Kernel.Intellisense;

/// <summary>
/// is_complete_request for consoles: "complete", "incomplete" (open braces, unterminated string,
/// trailing operator) with the indent for the next line, or "invalid" (syntax errors, unsupported magics).
/// The status comes from <see cref="SubmissionCompleteness"/> (directives and magics taken out first).
/// </summary>
public static class CompletenessChecker
{
    private const string IndentUnit = "    ";

    public static (string Status, string? Indent) Check(string code)
    {
        string status = SubmissionCompleteness.Check(code);
        return status == "incomplete" ? (status, Indent(DirectiveParser.Parse(code).Code)) : (status, null);
    }

    /// <summary>One unit per unclosed brace, bracket or parenthesis; a continuation line otherwise (trailing operator, open string).</summary>
    private static string Indent(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview, kind: SourceCodeKind.Script));
        int depth = 0;
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.IsMissing) continue;
            if (token.IsKind(SyntaxKind.OpenBraceToken) || token.IsKind(SyntaxKind.OpenParenToken) || token.IsKind(SyntaxKind.OpenBracketToken)) depth++;
            else if ((token.IsKind(SyntaxKind.CloseBraceToken) || token.IsKind(SyntaxKind.CloseParenToken) || token.IsKind(SyntaxKind.CloseBracketToken)) && depth > 0) depth--;
        }
        return string.Concat(Enumerable.Repeat(IndentUnit, Math.Max(depth, 1)));
    }
}
