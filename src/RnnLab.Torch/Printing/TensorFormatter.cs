using System.Text;
using static RnnLab.Torch.torch;

namespace RnnLab.Torch.Printing;

/// <summary>
/// PyTorch's str(tensor) (torch/_tensor_str.py, default print options): one element format for
/// the whole tensor (fixed 4 decimals, integer-valued floats as "1.", or scientific when the range
/// is wide), columns padded to the widest element, lines wrapped at 80 characters, and the middle
/// summarised with "..." beyond 1000 elements (3 edge items per dim).
/// </summary>
internal sealed class TensorFormatter
{
    private const int Precision = 4;
    private const int LineWidth = 80;
    private const int Threshold = 1000;
    private const int EdgeItems = 3;

    private readonly bool _floating;
    private readonly bool _intMode = true;
    private readonly bool _sciMode;
    private readonly int _maxWidth = 1;

    private TensorFormatter(Tensor values)
    {
        _floating = values.dtype == ScalarType.Float32;
        if (!_floating)
        {
            foreach (string s in Plain(values)) _maxWidth = Math.Max(_maxWidth, s.Length);
            return;
        }
        var nonzeroFinite = new List<double>();
        foreach (float v in values.ReadSpan<float>()) if (float.IsFinite(v) && v != 0) nonzeroFinite.Add(v);
        if (nonzeroFinite.Count == 0) return;
        double min = nonzeroFinite.Min(Math.Abs), max = nonzeroFinite.Max(Math.Abs);
        foreach (double v in nonzeroFinite) if (v != Math.Ceiling(v)) { _intMode = false; break; }
        if (_intMode)
        {
            if (max / min > 1000 || max > 1e8)
            {
                _sciMode = true;
                foreach (double v in nonzeroFinite) _maxWidth = Math.Max(_maxWidth, PythonFloatFormat.Scientific(v, Precision).Length);
            }
            else
                foreach (double v in nonzeroFinite) _maxWidth = Math.Max(_maxWidth, PythonFloatFormat.Fixed(v, 0).Length + 1);
        }
        else if (max / min > 1000 || max > 1e8 || min < 1e-4)
        {
            _sciMode = true;
            foreach (double v in nonzeroFinite) _maxWidth = Math.Max(_maxWidth, PythonFloatFormat.Scientific(v, Precision).Length);
        }
        else
            foreach (double v in nonzeroFinite) _maxWidth = Math.Max(_maxWidth, PythonFloatFormat.Fixed(v, Precision).Length);
    }

    private static IEnumerable<string> Plain(Tensor values)
    {
        if (values.dtype == ScalarType.Bool) foreach (bool b in values.ReadSpan<bool>().ToArray()) yield return b ? "True" : "False";
        else foreach (long l in values.ReadSpan<long>().ToArray()) yield return l.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private int Width => _maxWidth;

    /// <summary>One element, padded on the left to the common width.</summary>
    private string Format(Tensor t, long flat)
    {
        string text;
        switch (t.dtype)
        {
            case ScalarType.Float32:
            {
                double v = t.data<float>()[flat];
                if (_sciMode) text = PythonFloatFormat.Scientific(v, Precision);
                else if (_intMode)
                {
                    text = PythonFloatFormat.Fixed(v, 0);
                    if (double.IsFinite(v)) text += ".";
                }
                else text = PythonFloatFormat.Fixed(v, Precision);
                break;
            }
            case ScalarType.Int64: text = t.data<long>()[flat].ToString(System.Globalization.CultureInfo.InvariantCulture); break;
            default: text = t.data<bool>()[flat] ? "True" : "False"; break;
        }
        return text.Length < _maxWidth ? new string(' ', _maxWidth - text.Length) + text : text;
    }

    /// <summary>The full str(tensor), e.g. "tensor([1., 2.], requires_grad=True)".</summary>
    public static string ToPythonString(Tensor tensor)
    {
        Tensor t = tensor.detach();
        const string prefix = "tensor(";
        int indent = prefix.Length;
        var suffixes = new List<string>();
        string body;
        if (t.numel() == 0)
        {
            // PyTorch names the shape unless it is the plain (0,) of tensor([]).
            if (t.dim() != 1) suffixes.Add("size=(" + string.Join(", ", t.shape) + ")");
            if (t.dtype != ScalarType.Float32) suffixes.Add("dtype=" + DTypeNameOf(t.dtype));
            body = "[]";
        }
        else
        {
            bool summarize = t.numel() > Threshold;
            var formatter = new TensorFormatter(summarize ? Summarized(t) : t);
            body = formatter.Render(t, indent, summarize);
        }
        if (tensor.grad_fn is { } fn) suffixes.Add($"grad_fn=<{fn.name()}>");
        else if (tensor.requires_grad) suffixes.Add("requires_grad=True");
        return AddSuffixes(prefix + body, suffixes, indent);
    }

    private static string DTypeNameOf(ScalarType type) => type switch
    {
        ScalarType.Int64 => "torch.int64",
        ScalarType.Bool => "torch.bool",
        _ => "torch.float32",
    };

    private static string AddSuffixes(string tensorText, List<string> suffixes, int indent)
    {
        var sb = new StringBuilder(tensorText);
        int lastLineLength = tensorText.Length - tensorText.LastIndexOf('\n') + 1;
        foreach (string suffix in suffixes)
        {
            if (lastLineLength + suffix.Length + 2 > LineWidth)
            {
                sb.Append(",\n").Append(' ', indent).Append(suffix);
                lastLineLength = indent + suffix.Length;
            }
            else
            {
                sb.Append(", ").Append(suffix);
                lastLineLength += suffix.Length + 2;
            }
        }
        return sb.Append(')').ToString();
    }

    /// <summary>The elements that will be shown (edge items only when summarising), for width computation.</summary>
    private static Tensor Summarized(Tensor t)
    {
        if (t.dim() == 0) return t;
        long size = t.shape[0];
        if (t.dim() == 1)
            return size > 2 * EdgeItems ? cat([t.narrow(0, 0, EdgeItems), t.narrow(0, size - EdgeItems, EdgeItems)]) : t;
        IEnumerable<long> rows = size > 2 * EdgeItems
            ? Enumerable.Range(0, EdgeItems).Select(i => (long)i).Concat(Enumerable.Range(0, EdgeItems).Select(i => size - EdgeItems + i))
            : Enumerable.Range(0, (int)size).Select(i => (long)i);
        return stack(rows.Select(i => Summarized(t.select(0, i))).ToArray());
    }

    private string Render(Tensor t, int indent, bool summarize)
    {
        int dim = (int)t.dim();
        if (dim == 0) return Format(t, 0);
        if (dim == 1) return RenderVector(t, indent, summarize);
        long size = t.shape[0];
        var slices = new List<string>();
        if (summarize && size > 2 * EdgeItems)
        {
            for (long i = 0; i < EdgeItems; i++) slices.Add(Render(t.select(0, i), indent + 1, summarize));
            slices.Add("...");
            for (long i = size - EdgeItems; i < size; i++) slices.Add(Render(t.select(0, i), indent + 1, summarize));
        }
        else
            for (long i = 0; i < size; i++) slices.Add(Render(t.select(0, i), indent + 1, summarize));
        string separator = "," + new string('\n', dim - 1) + new string(' ', indent + 1);
        return "[" + string.Join(separator, slices) + "]";
    }

    private string RenderVector(Tensor t, int indent, bool summarize)
    {
        int elementLength = Width + 2;
        int perLine = Math.Max(1, (LineWidth - indent) / elementLength);
        long size = t.shape[0];
        var data = new List<string>();
        if (summarize && size > 2 * EdgeItems)
        {
            for (long i = 0; i < EdgeItems; i++) data.Add(Format(t, i));
            data.Add(" ...");
            for (long i = size - EdgeItems; i < size; i++) data.Add(Format(t, i));
        }
        else
            for (long i = 0; i < size; i++) data.Add(Format(t, i));
        var lines = new List<string>();
        for (int i = 0; i < data.Count; i += perLine) lines.Add(string.Join(", ", data.Skip(i).Take(perLine)));
        return "[" + string.Join(",\n" + new string(' ', indent + 1), lines) + "]";
    }
}
