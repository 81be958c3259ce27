using System.Globalization;
using System.Text;

namespace RnnLab;

/// <summary>
/// A small display table: headers and rows of text. Notebooks show it as HTML; a console, a test
/// or a saved notebook's text/plain reads it as aligned columns. Cells are formatted once, with
/// the invariant culture, so the same numbers print the same way on every machine.
/// </summary>
public sealed class Table
{
    /// <summary>Creates a table; every row must have one cell per header.</summary>
    public Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string? caption = null)
    {
        if (headers.Count == 0) throw new ArgumentException("a table needs at least one column", nameof(headers));
        Headers = [.. headers];
        var formatted = new List<string[]>();
        foreach (var row in rows)
        {
            if (row.Count != headers.Count)
                throw new ArgumentException(
                    $"row {formatted.Count} has {row.Count} cells but the table has {headers.Count} columns ({string.Join(", ", headers)})",
                    nameof(rows));
            formatted.Add([.. row.Select(FormatCell)]);
        }
        Rows = formatted;
        Caption = caption;
    }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The formatted cells, row by row.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>An optional line above the table saying what it shows.</summary>
    public string? Caption { get; }

    /// <summary>A cell's text: numbers and other formattables in the invariant culture, null as empty.</summary>
    public static string FormatCell(object? value) => value switch
    {
        null => "",
        string s => s,
        float f => Numbers.Format(f),
        double d => Numbers.Format(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Aligned columns: numbers right-aligned, text left-aligned, a rule under the headers.</summary>
    public override string ToString()
    {
        int columns = Headers.Count;
        var widths = new int[columns];
        var rightAligned = new bool[columns];
        for (int c = 0; c < columns; c++)
        {
            widths[c] = Math.Max(Headers[c].Length, Rows.Count == 0 ? 0 : Rows.Max(r => r[c].Length));
            rightAligned[c] = Rows.Count > 0 && Rows.All(r => r[c].Length == 0 || Numbers.LooksNumeric(r[c]));
        }
        var text = new StringBuilder();
        if (Caption is not null) text.Append(Caption).Append('\n');
        AppendLine(text, Headers, widths, rightAligned);
        text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in Rows) AppendLine(text, row, widths, rightAligned);
        return text.ToString().TrimEnd('\n');
    }

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> cells, int[] widths, bool[] rightAligned)
    {
        var parts = new string[cells.Count];
        for (int c = 0; c < cells.Count; c++)
            parts[c] = rightAligned[c] ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]);
        text.Append(string.Join("  ", parts).TrimEnd()).Append('\n');
    }

    /// <summary>An HTML table (with a caption when there is one).</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<table class=\"rnnlab-table\">");
        if (Caption is not null) html.Append("<caption>").Append(Html.Escape(Caption)).Append("</caption>");
        html.Append("<thead><tr>");
        foreach (string header in Headers) html.Append("<th>").Append(Html.Escape(header)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            foreach (string cell in row) html.Append("<td>").Append(Html.Escape(cell)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>The display convention shared by every RnnLab library: MIME type to content.</summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle() => new Dictionary<string, string>
    {
        ["text/plain"] = ToString(),
        ["text/html"] = ToHtml(),
    };
}
