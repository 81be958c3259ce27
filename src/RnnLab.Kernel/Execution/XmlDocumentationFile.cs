using System.Globalization;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace RnnLab.Kernel.Execution;

/// <summary>Serves the .xml documentation file compiled next to an assembly, so inspect can show summaries.</summary>
internal sealed class XmlDocumentationFile(string path) : DocumentationProvider
{
    private readonly Lazy<IReadOnlyDictionary<string, string>> _members = new(() =>
    {
        try
        {
            return XDocument.Load(path).Descendants("member")
                .Where(m => m.Attribute("name") is not null)
                .GroupBy(m => m.Attribute("name")!.Value)
                .ToDictionary(g => g.Key, g => g.First().ToString(SaveOptions.DisableFormatting));
        }
        catch (Exception e) when (e is IOException or System.Xml.XmlException or UnauthorizedAccessException)
        {
            return new Dictionary<string, string>();
        }
    });

    /// <summary>A provider when the assembly has a documentation file beside it.</summary>
    public static DocumentationProvider? For(string assemblyPath)
    {
        string xml = Path.ChangeExtension(assemblyPath, ".xml");
        return File.Exists(xml) ? new XmlDocumentationFile(xml) : null;
    }

    protected override string? GetDocumentationForSymbol(string documentationMemberID, CultureInfo preferredCulture, CancellationToken cancellationToken = default) =>
        _members.Value.GetValueOrDefault(documentationMemberID);

    public override bool Equals(object? obj) => obj is XmlDocumentationFile other && other._path == _path;

    public override int GetHashCode() => _path.GetHashCode(StringComparison.Ordinal);

    private readonly string _path = path;
}
