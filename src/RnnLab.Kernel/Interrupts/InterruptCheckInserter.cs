using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnLab.Kernel.Interrupts;

/// <summary>
/// Makes a cell's loops and methods interruptible before it is compiled: every loop body becomes
/// <c>{Check(); body}</c>, every labelled statement (goto loops) likewise, and every block body of a
/// method, local function, accessor, constructor or lambda starts with <c>Check();</c> (recursion).
/// Insertions never add line breaks, so runtime line numbers stay the cell's own; compile errors
/// are reported from the unmodified cell (columns). Code with syntax errors is left as it is.
/// </summary>
public static class InterruptCheckInserter
{
    public const string CheckCall = "global::RnnLab.Kernel.Interactive.Interruption.Check();";

    public static string Insert(string code, CSharpParseOptions options)
    {
        var tree = CSharpSyntaxTree.ParseText(code, options);
        var root = tree.GetRoot();
        if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)) return code;

        var insertions = new List<(int Position, string Text)>();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case WhileStatementSyntax loop: Wrap(loop.Statement, insertions); break;
                case DoStatementSyntax loop: Wrap(loop.Statement, insertions); break;
                case ForStatementSyntax loop: Wrap(loop.Statement, insertions); break;
                case CommonForEachStatementSyntax loop: Wrap(loop.Statement, insertions); break;
                case LabeledStatementSyntax labeled: Wrap(labeled.Statement, insertions); break;
                case BaseMethodDeclarationSyntax { Body: { } body }: Prepend(body, insertions); break;
                case LocalFunctionStatementSyntax { Body: { } body }: Prepend(body, insertions); break;
                case AccessorDeclarationSyntax { Body: { } body }: Prepend(body, insertions); break;
                case AnonymousFunctionExpressionSyntax { Block: { } body }: Prepend(body, insertions); break;
            }
        }
        if (insertions.Count == 0) return code;
        var text = new StringBuilder(code);
        // From the end backwards so earlier positions stay valid; at equal positions keep the collected order.
        foreach (var (position, insert) in insertions.Select((x, i) => (x, i)).OrderByDescending(p => p.x.Position).ThenByDescending(p => p.i).Select(p => p.x))
            text.Insert(position, insert);
        return text.ToString();
    }

    private static void Wrap(StatementSyntax body, List<(int, string)> insertions)
    {
        insertions.Add((body.SpanStart, "{" + CheckCall));
        insertions.Add((body.Span.End, "}"));
    }

    private static void Prepend(BlockSyntax body, List<(int, string)> insertions) =>
        insertions.Add((body.OpenBraceToken.Span.End, CheckCall));
}
