using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnLab.Kernel.Directives;

namespace RnnLab.Kernel.Execution;

/// <summary>is_complete for consoles: would Enter run this code, or does it need more lines?</summary>
public static class SubmissionCompleteness
{
    private static readonly CSharpParseOptions ScriptParsing =
        new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    /// <summary>"complete", "incomplete" (open braces, trailing operator) or "invalid".</summary>
    public static string Check(string code)
    {
        string csharp;
        try
        {
            csharp = DirectiveParser.Parse(code).Code;
        }
        catch (DirectiveError)
        {
            return "invalid";
        }
        var tree = CSharpSyntaxTree.ParseText(csharp, ScriptParsing);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return "incomplete";
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? "invalid" : "complete";
    }
}
