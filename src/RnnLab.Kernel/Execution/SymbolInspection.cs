using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace RnnLab.Kernel.Execution;

/// <summary>
/// inspect_request: the signature(s) of the symbol under the cursor and its XML-doc summary (for
/// assemblies shipped with their .xml documentation, like the projects of this repository).
/// </summary>
public static class SymbolInspection
{
    /// <summary>A text/plain bundle, or null when nothing is known at the cursor.</summary>
    public static IReadOnlyDictionary<string, string>? Inspect(ExecutionSession session, string code, int cursorCodePoints)
    {
        int cursor = CodeCompletion.Utf16Index(code, cursorCodePoints);
        var compilation = session.CompileForAnalysis(code);
        if (compilation is null || code.Length == 0) return null;
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        // The cursor usually sits just after the name: look at the token it ends.
        var token = tree.GetRoot().FindToken(Math.Max(0, Math.Min(cursor, code.Length) - 1));
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            var info = model.GetSymbolInfo(node);
            var symbols = info.Symbol is { } symbol ? [symbol] : info.CandidateSymbols.ToList();
            if (symbols.Count == 0 && model.GetDeclaredSymbol(node) is { } declared) symbols = [declared];
            if (symbols.Count == 0) continue;
            var lines = symbols.Select(Signature).Distinct().ToList();
            if (Summary(symbols[0]) is { Length: > 0 } summary) lines.Add("\n" + summary);
            return new Dictionary<string, string> { [MimeTypes.PlainText] = string.Join('\n', lines) };
        }
        return null;
    }

    /// <summary>Methods and types as Roslyn's error messages show them; variables, fields and properties with their type.</summary>
    private static string Signature(ISymbol symbol)
    {
        string name = symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        ITypeSymbol? type = symbol switch
        {
            IFieldSymbol field => field.Type,
            ILocalSymbol local => local.Type,
            IPropertySymbol property => property.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        return type is null ? name : $"{type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)} {name}";
    }

    private static string? Summary(ISymbol symbol)
    {
        string? xml = symbol.GetDocumentationCommentXml();
        if (string.IsNullOrWhiteSpace(xml)) return null;
        try
        {
            var summary = XDocument.Parse(xml).Descendants("summary").FirstOrDefault();
            return summary is null ? null : string.Join(' ', summary.DescendantNodes().OfType<XText>().Select(t => t.Value.Trim()).Where(t => t.Length > 0));
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}
