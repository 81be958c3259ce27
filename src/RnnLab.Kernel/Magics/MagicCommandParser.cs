namespace RnnLab.Kernel.Magics;

/// <summary>
/// Finds magic lines (#!name at the start of a line) in a cell. Magic lines become blank lines of
/// the C# so compile errors keep the cell's line numbers; #!html and #!markdown take the rest of
/// the cell as content. A shebang ("#!/usr/bin/env ...") is not a magic and is left to Roslyn.
/// </summary>
public static class MagicCommandParser
{
    private static readonly string[] ContentMagics = [MagicCommands.Html, MagicCommands.Markdown];

    public static MagicCell Parse(string cell)
    {
        string[] lines = cell.Replace("\r\n", "\n").Split('\n');
        var commands = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (!IsMagicLine(line)) continue;
            string name = line.Split((char[])[' ', '\t'], 2)[0];
            string where = $"(line {i + 1}) ";
            if (ContentMagics.Contains(name))
            {
                string content = string.Join('\n', lines[(i + 1)..]);
                string mime = name == MagicCommands.Html ? Execution.MimeTypes.Html : Execution.MimeTypes.Markdown;
                for (int j = i; j < lines.Length; j++) lines[j] = "";
                return new MagicCell(string.Join('\n', lines), commands, new MagicContent(mime, content.Trim('\n')), null);
            }
            if (MagicCommands.Unsupported.TryGetValue(name, out string? why))
                return Failed(lines, commands, $"{where}the magic command {name} is not supported by this kernel: {why}.");
            if (!MagicCommands.CSharpSelectors.Contains(name) && !MagicCommands.Supported.Any(m => m.Name == name))
                return Failed(lines, commands, $"{where}unknown magic command {name}; #!lsmagic lists the ones this kernel supports.");
            if (!MagicCommands.CSharpSelectors.Contains(name)) commands.Add(name);
            lines[i] = "";
        }
        return new MagicCell(string.Join('\n', lines), commands, null, null);
    }

    /// <summary>"#!" followed by a letter or '#' (not "#!/path", a shebang).</summary>
    public static bool IsMagicLine(string trimmedLine) =>
        trimmedLine.StartsWith("#!", StringComparison.Ordinal) && trimmedLine.Length > 2
        && (char.IsLetter(trimmedLine[2]) || trimmedLine[2] == '#');

    private static MagicCell Failed(string[] lines, HashSet<string> commands, string error) =>
        new(string.Join('\n', lines), commands, null, error);
}
