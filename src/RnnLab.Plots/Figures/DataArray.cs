using System.Text.Json;

namespace RnnLab.Plots.Figures;

/// <summary>
/// A trace's coordinate array (x, y, a heatmap's labels): each element as a number (NaN when it is
/// not one: null, text, Plotly.NET's "NaN"/"Infinity") and, for category axes, as a label.
/// </summary>
internal sealed class DataArray
{
    private readonly string?[] _labels;

    private DataArray(double[] numbers, string?[] labels, int textCount, bool hasNumericText)
    {
        Numbers = numbers;
        _labels = labels;
        TextCount = textCount;
        HasNumericText = hasNumericText;
    }

    public double[] Numbers { get; }

    public int Count => Numbers.Length;

    /// <summary>How many elements are strings (including "NaN"): zero for a plain number array.</summary>
    public int TextCount { get; }

    /// <summary>Whether some strings read as numbers ("1.5"), which plotly.js's autotypenumbers decides about.</summary>
    public bool HasNumericText { get; }

    /// <summary>Element <paramref name="index"/> as a category label; null for a JSON null.</summary>
    public string? Label(int index) => _labels[index] ?? (double.IsFinite(Numbers[index]) ? JsonValues.NumberLabel(Numbers[index]) : null);

    /// <summary>0, 1, 2, ... as plotly.js supplies for a missing x (x0 = 0, dx = 1 unless set).</summary>
    public static DataArray Indices(int count, double start = 0, double step = 1)
    {
        var numbers = new double[count];
        for (int i = 0; i < count; i++) numbers[i] = start + i * step;
        return new DataArray(numbers, new string?[count], 0, false);
    }

    /// <summary>The array's values; null when <paramref name="element"/> is not an array.</summary>
    public static DataArray? From(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Array } array) return null;
        int count = array.GetArrayLength(), text = 0, i = 0;
        bool numericText = false;
        var numbers = new double[count];
        var labels = new string?[count];
        foreach (var item in array.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.Number:
                    numbers[i] = item.GetDouble();
                    break;
                case JsonValueKind.String:
                    string s = item.GetString()!;
                    labels[i] = s;
                    numbers[i] = JsonValues.ParseNumber(s);
                    text++;
                    numericText |= s is not ("NaN" or "Infinity" or "-Infinity") && double.IsFinite(numbers[i]);
                    break;
                default:
                    numbers[i] = double.NaN;
                    break;
            }
            i++;
        }
        return new DataArray(numbers, labels, text, numericText);
    }

    /// <summary>
    /// plotly.js's test for a category axis: among (up to ~1000 sampled) distinct values, more than
    /// twice as many are text as are numbers. With autotypenumbers "strict" (Plotly.NET's template)
    /// numeric strings count as text.
    /// </summary>
    public bool LooksCategorical(bool strictNumbers)
    {
        if (TextCount == 0 || Count == 0) return false;
        double step = Math.Max(1, (Count - 1) / 1000.0);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int numbers = 0, texts = 0;
        for (double f = 0; f < Count; f += step)
        {
            int k = (int)Math.Round(f);
            if (k >= Count) break;
            string key = _labels[k] ?? JsonValues.NumberLabel(Numbers[k]);
            if (!seen.Add(key)) continue;
            if (_labels[k] is null) { if (double.IsFinite(Numbers[k])) numbers++; }
            else if (!strictNumbers && double.IsFinite(Numbers[k]) && _labels[k] is not ("Infinity" or "-Infinity")) numbers++;
            else texts++;
        }
        return texts > numbers * 2;
    }
}
