using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnLab.Kernel.Execution;

/// <summary>
/// complete_request: names that fit at the cursor, from Roslyn's semantic model of the cell as a
/// new submission after the earlier ones, so variables and types from earlier cells, members
/// after a dot and namespaces/types of referenced assemblies are all offered. Filtered by the
/// typed prefix. Offsets are Unicode code points, as the protocol says.
/// </summary>
public static class CodeCompletion
{
    public sealed record Result(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd);

    public static Result Complete(ExecutionSession session, string code, int cursorCodePoints)
    {
        int cursor = Utf16Index(code, cursorCodePoints);
        int start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        string prefix = code[start..cursor];
        var none = new Result([], cursorCodePoints, cursorCodePoints);
        var compilation = session.CompileForAnalysis(code);
        if (compilation is null) return none;
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);

        int dot = start - 1;
        while (dot >= 0 && char.IsWhiteSpace(code[dot])) dot--;
        IEnumerable<ISymbol> symbols;
        if (dot >= 0 && code[dot] == '.' && tree.GetRoot().FindToken(dot).Parent is { } parent)
        {
            var left = parent switch
            {
                MemberAccessExpressionSyntax access => (SyntaxNode)access.Expression,
                QualifiedNameSyntax qualified => qualified.Left,
                _ => null,
            };
            if (left is null) return none;
            symbols = MembersOf(model, left, start);
        }
        else
            symbols = model.LookupSymbols(start);

        var matches = symbols.Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => s.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        return new Result(matches, CodePointIndex(code, start), cursorCodePoints);
    }

    /// <summary>After "x.": static members of a type, members of a namespace, or instance members (with extension methods) of a value.</summary>
    private static IEnumerable<ISymbol> MembersOf(SemanticModel model, SyntaxNode left, int position)
    {
        var symbol = model.GetSymbolInfo(left).Symbol;
        if (symbol is INamespaceSymbol ns) return model.LookupNamespacesAndTypes(position, ns);
        if (symbol is ITypeSymbol type) return model.LookupStaticMembers(position, type);
        var instanceType = model.GetTypeInfo(left).Type;
        return instanceType is null ? [] : model.LookupSymbols(position, instanceType, includeReducedExtensionMethods: true).Where(s => !s.IsStatic);
    }

    /// <summary>UTF-16 index of a code-point offset (surrogate pairs count once).</summary>
    public static int Utf16Index(string text, int codePoints)
    {
        int index = 0;
        for (int seen = 0; seen < codePoints && index < text.Length; seen++)
            index += char.IsSurrogatePair(text, index) ? 2 : 1;
        return Math.Min(index, text.Length);
    }

    public static int CodePointIndex(string text, int utf16Index) => Encoding.UTF32.GetByteCount(text.AsSpan(0, utf16Index)) / 4;
}
