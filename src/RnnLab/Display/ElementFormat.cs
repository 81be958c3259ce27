using System.Globalization;

namespace RnnLab.Display;

/// <summary>
/// PyTorch's element format for one whole tensor (torch/_tensor_str.py _Formatter, default print
/// options): floats in fixed 4 decimals, or "1." style when every finite non-zero value is an
/// integer, or scientific when the magnitudes span more than 1000x, exceed 1e8 or (fixed mode)
/// go below 1e-4; integers and bools as Python prints them; all padded to the widest text.
/// </summary>
internal sealed class ElementFormat
{
    private const int Precision = 4;

    private readonly TensorSnapshot _values;
    private readonly bool _intMode = true;
    private readonly bool _sciMode;

    public ElementFormat(TensorSnapshot values)
    {
        _values = values;
        if (values.Floats is not { } floats)
        {
            for (int i = 0; i < Count; i++) Width = Math.Max(Width, Text(i).Length);
            return;
        }
        double[] nonzeroFinite = [.. floats.Where(v => double.IsFinite(v) && v != 0)];
        if (nonzeroFinite.Length == 0) return;
        double min = nonzeroFinite.Min(Math.Abs), max = nonzeroFinite.Max(Math.Abs);
        _intMode = nonzeroFinite.All(v => v == Math.Ceiling(v));
        // In int mode a float shows as "3." (one more character than the integer).
        _sciMode = max / min > 1000 || max > 1e8 || (!_intMode && min < 1e-4);
        foreach (double v in nonzeroFinite)
        {
            int length = _sciMode ? PythonFloatFormat.Scientific(v, Precision).Length
                : _intMode ? PythonFloatFormat.Fixed(v, 0).Length + 1
                : PythonFloatFormat.Fixed(v, Precision).Length;
            Width = Math.Max(Width, length);
        }
    }

    /// <summary>The common width every element is padded to.</summary>
    public int Width { get; } = 1;

    /// <summary>Number of shown elements.</summary>
    public int Count => _values.Floats?.Length ?? _values.Integers?.Length ?? _values.Bools!.Length;

    /// <summary>Element <paramref name="index"/> (row-major over the shown shape), unpadded.</summary>
    public string Text(int index)
    {
        if (_values.Bools is { } bools) return bools[index] ? "True" : "False";
        if (_values.Integers is { } integers) return integers[index].ToString(CultureInfo.InvariantCulture);
        double v = _values.Floats![index];
        if (_sciMode) return PythonFloatFormat.Scientific(v, Precision);
        if (!_intMode) return PythonFloatFormat.Fixed(v, Precision);
        return double.IsFinite(v) ? PythonFloatFormat.Fixed(v, 0) + "." : PythonFloatFormat.Fixed(v, 0);
    }

    /// <summary>Element <paramref name="index"/> padded on the left to <see cref="Width"/>.</summary>
    public string Padded(int index) => Text(index).PadLeft(Width);
}
