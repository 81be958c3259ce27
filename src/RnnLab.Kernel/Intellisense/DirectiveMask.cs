using System.Text;

namespace RnnLab.Kernel.Intellisense;

/// <summary>
/// Hides directive and magic lines (#r, #i, #:package, #:project, #!time ...) from Roslyn while
/// editing: each becomes spaces of the same length, so every offset in the cell stays valid.
/// </summary>
public static class DirectiveMask
{
    public static string Apply(string cell)
    {
        var text = new StringBuilder(cell);
        int lineStart = 0;
        while (lineStart <= cell.Length)
        {
            int lineEnd = cell.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = cell.Length;
            var line = cell.AsSpan(lineStart, lineEnd - lineStart).Trim();
            if (IsDirective(line))
                for (int i = lineStart; i < lineEnd; i++)
                    if (text[i] is not '\r') text[i] = ' ';
            lineStart = lineEnd + 1;
        }
        return text.ToString();
    }

    private static bool IsDirective(ReadOnlySpan<char> line) =>
        line.StartsWith("#r ") || line.StartsWith("#r\"") || line.StartsWith("#i ") || line.StartsWith("#:")
        || (line.StartsWith("#!") && line.Length > 2 && (char.IsLetter(line[2]) || line[2] == '#'));
}
