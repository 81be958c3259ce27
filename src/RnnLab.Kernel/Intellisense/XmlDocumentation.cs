using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace RnnLab.Kernel.Intellisense;

/// <summary>
/// The &lt;summary&gt; of a symbol as plain text: from the source for symbols declared in cells, from
/// the XML documentation file next to a referenced assembly, and for the framework from the
/// reference pack's XML files (the runtime's own folder ships none).
/// </summary>
internal static partial class XmlDocumentation
{
    /// <summary>Framework reference-assembly docs that hold types implemented in System.Private.CoreLib.</summary>
    private static readonly string[] CoreLibFacades = ["System.Runtime", "System.Collections", "System.Threading", "System.Memory", "System.Runtime.InteropServices"];

    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, XElement>?> Files = new(StringComparer.Ordinal);

    public static string? Summary(ISymbol symbol, Compilation compilation)
    {
        var definition = symbol.OriginalDefinition;
        string? xml = definition.GetDocumentationCommentXml();
        if (!string.IsNullOrWhiteSpace(xml))
            return SummaryText(XElement.Parse(xml, LoadOptions.None).Element("summary"));
        if (definition.GetDocumentationCommentId() is not { } id || definition.ContainingAssembly is not { } assembly) return null;
        var reference = compilation.GetMetadataReference(assembly) as PortableExecutableReference;
        foreach (string file in CandidateFiles(assembly.Name, reference?.FilePath))
            if (Load(file) is { } members && members.TryGetValue(id, out var member))
                return SummaryText(member.Element("summary"));
        return null;
    }

    private static IEnumerable<string> CandidateFiles(string assemblyName, string? assemblyPath)
    {
        if (assemblyPath is not null) yield return Path.ChangeExtension(assemblyPath, ".xml");
        if (ReferencePackFolder.Value is not { } pack) yield break;
        yield return Path.Combine(pack, assemblyName + ".xml");
        if (assemblyName == "System.Private.CoreLib")
            foreach (string facade in CoreLibFacades) yield return Path.Combine(pack, facade + ".xml");
    }

    /// <summary>dotnet/packs/Microsoft.NETCore.App.Ref/&lt;newest&gt;/ref/net&lt;major&gt;.&lt;minor&gt;, when the SDK is installed.</summary>
    private static readonly Lazy<string?> ReferencePackFolder = new(() =>
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string packs = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        if (!Directory.Exists(packs)) return null;
        string framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        return Directory.EnumerateDirectories(packs)
            .Select(d => Path.Combine(d, "ref", framework))
            .Where(Directory.Exists)
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(d))), out var v) ? v : new Version())
            .FirstOrDefault();
    });

    private static IReadOnlyDictionary<string, XElement>? Load(string file) => Files.GetOrAdd(file, path =>
    {
        if (!File.Exists(path)) return null;
        try
        {
            return XDocument.Load(path).Descendants("member")
                .Where(m => m.Attribute("name") is not null)
                .GroupBy(m => m.Attribute("name")!.Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    });

    /// <summary>Inner text with cref/paramref references shortened to names and whitespace collapsed.</summary>
    private static string? SummaryText(XElement? summary)
    {
        if (summary is null) return null;
        var text = new StringBuilder();
        foreach (var node in summary.DescendantNodes())
        {
            if (node is XText t && t.Parent is not null && !IsReference(t.Parent)) text.Append(t.Value);
            else if (node is XElement e && IsReference(e))
                text.Append(e.Attribute("cref") is { } cref ? ShortName(cref.Value)
                    : e.Attribute("name")?.Value ?? e.Attribute("langword")?.Value ?? e.Value);
        }
        string collapsed = Whitespace().Replace(text.ToString(), " ").Trim();
        return collapsed.Length == 0 ? null : collapsed;
    }

    private static bool IsReference(XElement element) => element.Name.LocalName is "see" or "seealso" or "paramref" or "typeparamref";

    /// <summary>"M:System.Console.WriteLine(System.String)" becomes "Console.WriteLine".</summary>
    private static string ShortName(string cref)
    {
        string name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        int parameters = name.IndexOf('(');
        if (parameters >= 0) name = name[..parameters];
        name = name.Split('`')[0];
        string[] parts = name.Split('.');
        return parts.Length >= 2 && char.IsUpper(parts[^1][0]) && cref.StartsWith("T:", StringComparison.Ordinal) ? parts[^1]
            : string.Join('.', parts.TakeLast(2));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
