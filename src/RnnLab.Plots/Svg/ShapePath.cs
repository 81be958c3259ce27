using System.Globalization;
using System.Text;

namespace RnnLab.Plots.Svg;

/// <summary>
/// A shape's SVG path with data coordinates (plotly.js's <c>type: "path"</c>) turned into pixels.
/// Absolute commands M, L, H, V, C, S, Q, T and Z are understood; relative (lower-case) commands
/// and arcs are not, and make the shape a noted omission.
/// </summary>
internal static class ShapePath
{
    /// <summary>The path in pixels; null (with the reason) when it uses something not supported.</summary>
    public static string? ToPixels(string path, Func<double, double> x, Func<double, double> y, out string? problem)
    {
        problem = null;
        var tokens = Tokenize(path);
        var result = new StringBuilder();
        char command = ' ';
        int i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i] is [var letter] && char.IsLetter(letter))
            {
                command = letter;
                i++;
                if (command is 'Z' or 'z')
                {
                    result.Append('Z');
                    continue;
                }
                if (char.IsLower(command) || command == 'A')
                {
                    problem = $"path command '{command}' (only absolute M, L, H, V, C, S, Q, T, Z are drawn)";
                    return null;
                }
            }
            int arity = command switch { 'H' or 'V' => 1, 'M' or 'L' or 'T' => 2, 'S' or 'Q' => 4, 'C' => 6, _ => -1 };
            if (arity < 0 || i + arity > tokens.Count)
            {
                problem = "a malformed path";
                return null;
            }
            result.Append(command);
            for (int k = 0; k < arity; k++)
            {
                if (!double.TryParse(tokens[i + k], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    problem = $"path value \"{tokens[i + k]}\"";
                    return null;
                }
                bool isX = command == 'H' || (command != 'V' && k % 2 == 0);
                double pixel = isX ? x(value) : y(value);
                if (!double.IsFinite(pixel))
                {
                    problem = "a path point the axes cannot show";
                    return null;
                }
                if (k > 0) result.Append(k % 2 == 1 ? ',' : ' ');
                result.Append(Math.Round(pixel, 2).ToString("0.##", CultureInfo.InvariantCulture));
            }
            i += arity;
        }
        return result.ToString();
    }

    private static List<string> Tokenize(string path)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0) tokens.Add(current.ToString());
            current.Clear();
        }
        foreach (char c in path)
        {
            if (char.IsLetter(c) && c is not ('e' or 'E'))
            {
                Flush();
                tokens.Add(c.ToString());
            }
            else if (c is ',' || char.IsWhiteSpace(c)) Flush();
            else if (c == '-' && current.Length > 0 && current[^1] is not ('e' or 'E'))
            {
                Flush();
                current.Append(c);
            }
            else current.Append(c);
        }
        Flush();
        return tokens;
    }
}
