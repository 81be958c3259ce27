using System.Globalization;

namespace RnnLab.Charting;

/// <summary>
/// Argument checks shared by the chart recipes. Every message starts with the recipe's name and
/// names the argument, and a length mismatch gives both lengths, because the caller usually built
/// the arrays from tensors several cells earlier and needs to know which one is off.
/// </summary>
internal static class ChartInput
{
    /// <summary>A copy of <paramref name="values"/>, refused when null or empty.</summary>
    public static double[] Values(IReadOnlyList<double>? values, string recipe, string argument, string paramName)
    {
        if (values is null) throw new ArgumentNullException(paramName, $"{recipe}: {argument} is null");
        if (values.Count == 0) throw new ArgumentException($"{recipe}: {argument} is empty", paramName);
        return [.. values];
    }

    /// <summary>Refuses a second array whose length differs from the first's.</summary>
    public static void SameLength(double[] first, string firstName, double[] second, string secondName, string recipe, string paramName)
    {
        if (first.Length != second.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{recipe}: {firstName} and {secondName} must have the same length, but have {first.Length} and {second.Length} values"), paramName);
    }

    /// <summary>
    /// Refuses NaN and ±∞ in positions (x values): a point without a position cannot be drawn
    /// anywhere, unlike a NaN loss, which is information and shows as a gap with a note.
    /// </summary>
    public static void Finite(double[] values, string recipe, string argument, string paramName)
    {
        int bad = Array.FindIndex(values, v => !double.IsFinite(v));
        if (bad >= 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{recipe}: {argument}[{bad}] is {values[bad]}; positions must be finite numbers"), paramName);
    }

    /// <summary>
    /// The series as a list, refused when null or empty or when a name is null (Plotly.NET throws a
    /// bare NullReferenceException for a null name).
    /// </summary>
    public static List<T> Series<T>(IEnumerable<T>? series, Func<T, string?> name, string recipe, string paramName)
    {
        if (series is null) throw new ArgumentNullException(paramName, $"{recipe}: {paramName} is null");
        var list = series.ToList();
        if (list.Count == 0) throw new ArgumentException($"{recipe}: {paramName} holds no series to draw", paramName);
        int unnamed = list.FindIndex(s => name(s) is null);
        if (unnamed >= 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{recipe}: {paramName}[{unnamed}] has a null name"), paramName);
        return list;
    }

    /// <summary>Category labels must be distinct or the axis merges them: repeated labels get invisible suffixes.</summary>
    public static string[] Unique(IReadOnlyList<string> labels)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. labels.Select(label =>
        {
            int count = seen.TryGetValue(label, out int n) ? n + 1 : 0;
            seen[label] = count;
            return count == 0 ? label : label + new string('\u200B', count);
        })];
    }
}
