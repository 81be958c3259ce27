using System.Collections;
using System.Net;
using System.Reflection;
using System.Text;

namespace RnnLab.Kernel.Execution;

/// <summary>
/// text/html for sequences of records: one row per element, one column per public property,
/// at most <see cref="RowLimit"/> rows. Plain markup with no style block, so nothing leaks into
/// the rest of the page (nbconvert HTML, Notebook, VS Code each style tables their own way).
/// </summary>
public static class HtmlTableFormatter
{
    public const int RowLimit = 20;

    /// <summary>A table for a sequence whose elements have properties; null for anything else.</summary>
    public static string? TryFormat(object value)
    {
        if (value is string or IDictionary || value is not IEnumerable sequence) return null;
        var elementType = ElementType(value.GetType());
        if (elementType is null || !IsRecordLike(elementType)) return null;
        var columns = elementType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0).ToArray();
        if (columns.Length == 0) return null;

        var html = new StringBuilder("<table>\n<thead><tr><th></th>");
        foreach (var column in columns) html.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        int row = 0;
        bool more = false;
        foreach (var item in sequence)
        {
            if (row == RowLimit)
            {
                more = true;
                break;
            }
            html.Append("<tr><td>").Append(row).Append("</td>");
            foreach (var column in columns)
            {
                object? cell = item is null ? null : PlainTextFormatter.SafeGet(column, item);
                html.Append("<td>").Append(WebUtility.HtmlEncode(PlainTextFormatter.Format(cell))).Append("</td>");
            }
            html.Append("</tr>\n");
            row++;
        }
        html.Append("</tbody>\n</table>");
        if (more)
        {
            int? count = PlainTextFormatter.CountOf(sequence);
            html.Append(count is int total ? $"\n<p>({total - RowLimit} more rows)</p>" : "\n<p>(more rows)</p>");
        }
        return html.ToString();
    }

    private static Type? ElementType(Type sequenceType)
    {
        if (sequenceType.IsArray) return sequenceType.GetElementType();
        return sequenceType.GetInterfaces().Append(sequenceType)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
    }

    /// <summary>Records, classes and structs with data; not scalars, strings or nested sequences.</summary>
    private static bool IsRecordLike(Type type) =>
        !type.IsPrimitive && !type.IsEnum && type != typeof(string) && type != typeof(decimal) && type != typeof(object)
        && !typeof(IEnumerable).IsAssignableFrom(type) && !typeof(IFormattable).IsAssignableFrom(type);
}
