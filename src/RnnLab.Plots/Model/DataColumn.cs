using System.Collections;

namespace RnnLab.Plots;

/// <summary>
/// One coordinate array of a trace: either numbers or category labels (text), as Plotly treats
/// its <c>x</c>/<c>y</c> arrays. Copied on construction, so later changes to the caller's array
/// cannot change a chart that was already built.
/// </summary>
public sealed class DataColumn
{
    private DataColumn(double[]? numbers, string[]? categories)
    {
        Numbers = numbers;
        Categories = categories;
    }

    /// <summary>The values when the column is numeric; null for a text column.</summary>
    public double[]? Numbers { get; }

    /// <summary>The labels when the column is text (categorical); null for a numeric column.</summary>
    public string[]? Categories { get; }

    public bool IsCategorical => Categories is not null;

    public int Count => Numbers?.Length ?? Categories!.Length;

    public static DataColumn FromNumbers(double[] values) => new((double[])values.Clone(), null);

    public static DataColumn FromCategories(IEnumerable<string> labels) => new(null, labels.ToArray());

    /// <summary>Numbers of any primitive type, or strings for categories (generic fast paths).</summary>
    public static DataColumn From<T>(IEnumerable<T> values, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(values, parameterName);
        switch (values)
        {
            case double[] doubles: return FromNumbers(doubles);
            case float[] floats: return new(Array.ConvertAll(floats, f => (double)f), null);
            case int[] ints: return new(Array.ConvertAll(ints, i => (double)i), null);
            case IEnumerable<string> strings: return FromCategories(strings);
        }
        return FromUntyped(values, parameterName);
    }

    /// <summary>
    /// Any other sequence: all text gives categories; otherwise numbers, where null (a missing
    /// <c>double?</c>) becomes NaN and so a visible gap, as null is in Plotly.
    /// </summary>
    public static DataColumn FromUntyped(IEnumerable values, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(values, parameterName);
        var items = values.Cast<object?>().ToList();
        if (items.Count > 0 && items.All(item => item is string or char))
            return new(null, items.Select(item => item!.ToString()!).ToArray());
        var numbers = new double[items.Count];
        for (int i = 0; i < items.Count; i++)
            numbers[i] = items[i] is null ? double.NaN : ToNumber(items[i]) ?? throw new ArgumentException(
                $"{parameterName}[{i}] is {items[i]!.GetType().Name}; charts take numbers or strings.",
                parameterName);
        return new(numbers, null);
    }

    /// <summary>The number an element stands for; null when it is not a number at all.</summary>
    public static double? ToNumber(object? value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        uint ui => ui,
        ulong ul => ul,
        ushort us => us,
        decimal m => (double)m,
        Half h => (double)h,
        _ => null,
    };
}
