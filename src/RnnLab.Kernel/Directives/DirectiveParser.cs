using System.Text.RegularExpressions;

namespace RnnLab.Kernel.Directives;

/// <summary>
/// Finds directive lines anywhere in a cell. Each becomes a blank line in the C# that Roslyn sees,
/// so compile errors and stack traces keep the cell's own line numbers.
/// </summary>
public static partial class DirectiveParser
{
    /// <summary>.NET Interactive language magics: accepted so old cells run unchanged.</summary>
    private static readonly string[] IgnoredMagics = ["#!csharp", "#!c#", "#!C#"];

    /// <summary>Magics this kernel runs; #!html and #!markdown turn the rest of the cell into content.</summary>
    public static readonly string[] SupportedMagics = ["#!time", "#!who", "#!whos", "#!lsmagic", "#!html", "#!markdown"];

    public static ParsedCell Parse(string cell)
    {
        string[] lines = cell.Replace("\r\n", "\n").Split('\n');
        var directives = new List<Directive>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            int lineNumber = i + 1;
            Directive? directive = null;
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                string magic = line.Split((char[])[' ', '\t'], 2)[0];
                if (magic is "#!html" or "#!markdown")
                {
                    // Content magics: everything after this line is the content, not C#.
                    string content = string.Join('\n', lines.Skip(i + 1));
                    directives.Add(new ContentMagicDirective(lineNumber, magic[2..], content));
                    return new ParsedCell(string.Join('\n', lines.Take(i)), directives);
                }
                if (SupportedMagics.Contains(magic)) directive = new MagicDirective(lineNumber, magic[2..]);
                else if (!IgnoredMagics.Contains(magic))
                    throw new DirectiveError($"(line {lineNumber}) the magic command {magic} is not supported by this kernel (supported: {string.Join(", ", SupportedMagics)}).");
            }
            else if (ReferenceLine().Match(line) is { Success: true } reference)
                directive = ParseReference(lineNumber, reference.Groups["target"].Value.Trim());
            else if (SourceLine().Match(line) is { Success: true } source)
                directive = new PackageSourceDirective(lineNumber, source.Groups["source"].Value.Trim());
            else if (PackageLine().Match(line) is { Success: true } package)
                directive = new PackageReferenceDirective(lineNumber, package.Groups["id"].Value,
                    package.Groups["version"].Success ? package.Groups["version"].Value : null);
            else if (ProjectLine().Match(line) is { Success: true } project)
                directive = new ProjectReferenceDirective(lineNumber, project.Groups["path"].Value.Trim().Trim('"'));
            else if (MalformedDirective().IsMatch(line))
                throw new DirectiveError($"(line {lineNumber}) cannot read the directive {line}; expected #r \"path.dll\", #r \"nuget: Id, Version\", #i \"nuget: source\", #:package Id@Version or #:project path.");
            else
                continue;
            if (directive is not null) directives.Add(directive);
            lines[i] = "";
        }
        return new ParsedCell(string.Join('\n', lines), directives);
    }

    private static Directive ParseReference(int line, string target)
    {
        if (!target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            return new AssemblyReferenceDirective(line, target);
        string[] parts = target["nuget:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2)
            throw new DirectiveError($"(line {line}) expected #r \"nuget: Id, Version\" but found #r \"{target}\".");
        return new PackageReferenceDirective(line, parts[0], parts.Length == 2 ? parts[1] : null);
    }

    /// <summary>Starts like a directive (#r, #i, #:) but matched none of the forms; #region and #if are C#.</summary>
    [GeneratedRegex("""^(#r|#i)(\s|"|$)|^#:""")]
    private static partial Regex MalformedDirective();

    [GeneratedRegex("""^#r\s+"(?<target>[^"]+)"\s*$""")]
    private static partial Regex ReferenceLine();

    [GeneratedRegex("""^#i\s+"nuget:\s*(?<source>[^"]+)"\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex SourceLine();

    [GeneratedRegex("""^#:package\s+(?<id>[A-Za-z0-9_.\-]+)(@(?<version>\S+))?\s*$""")]
    private static partial Regex PackageLine();

    [GeneratedRegex("""^#:project\s+(?<path>.+)$""")]
    private static partial Regex ProjectLine();
}
