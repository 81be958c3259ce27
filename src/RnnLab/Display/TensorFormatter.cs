using System.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnLab.Display;

/// <summary>
/// PyTorch's str(tensor) (torch/_tensor_str.py, default print options) for TorchSharp tensors:
/// <c>tensor([[ 0.1234, -1.2000]])</c>, columns padded to the widest element, lines wrapped at 80
/// characters, the middle summarised with "..." beyond 1000 elements, then the suffixes PyTorch
/// adds (device, size, dtype, requires_grad) wrapped the same way.
/// </summary>
internal static class TensorFormatter
{
    private const int LineWidth = 80;
    private const string Prefix = "tensor(";

    /// <summary>Whether the printer handles this dtype: real floating, integer and bool (not complex or quantized).</summary>
    public static bool Supports(ScalarType type) =>
        type is not (ScalarType.ComplexFloat32 or ScalarType.ComplexFloat64 or ScalarType.QInt8 or ScalarType.QUInt8 or ScalarType.QInt32);

    /// <summary>The full str(tensor); "Parameter containing:" first for a Parameter, as PyTorch prints one.</summary>
    public static string ToPythonString(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        string dtype = TorchNames.DType(tensor.dtype);
        if (!Supports(tensor.dtype))
            throw new ArgumentException($"pystr() prints real, integer and bool tensors, but tensor has dtype {dtype} "
                                        + "(TorchSharp's own text: t.ToString(TensorStringStyle.Numpy))", nameof(tensor));
        int indent = Prefix.Length;
        var suffixes = new List<string>();
        if (tensor.device_type != DeviceType.CPU) suffixes.Add($"device='{tensor.device}'");
        bool defaultDType = tensor.dtype == get_default_dtype() || tensor.dtype is ScalarType.Int64 or ScalarType.Bool;
        string body;
        if (tensor.device_type == DeviceType.META)
        {
            // A meta tensor has a shape but no values.
            suffixes.Add("size=" + TorchNames.Shape(tensor.shape));
            if (tensor.dtype != get_default_dtype()) suffixes.Add("dtype=" + dtype);
            body = "...";
        }
        else if (tensor.numel() == 0)
        {
            // PyTorch names the shape unless it is the plain (0,) of tensor([]), and always a non-default dtype.
            if (tensor.dim() != 1) suffixes.Add("size=" + TorchNames.Shape(tensor.shape));
            if (tensor.dtype != get_default_dtype()) suffixes.Add("dtype=" + dtype);
            body = "[]";
        }
        else
        {
            if (!defaultDType) suffixes.Add("dtype=" + dtype);
            var snapshot = TensorSnapshot.Of(tensor);
            body = Render(snapshot, new ElementFormat(snapshot), 0, 0, indent);
        }
        // TorchSharp 0.107 does not expose the autograd node, so a non-leaf shows requires_grad=True
        // where PyTorch shows grad_fn=<MulBackward0>.
        if (tensor.requires_grad) suffixes.Add("requires_grad=True");
        string text = AddSuffixes(Prefix + body, suffixes, indent);
        return tensor is Parameter ? "Parameter containing:\n" + text : text;
    }

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

    /// <summary>The block of dimension <paramref name="dim"/> whose first element is <paramref name="offset"/> (row-major, shown shape).</summary>
    private static string Render(TensorSnapshot values, ElementFormat format, int dim, long offset, int indent)
    {
        long[] shown = values.ShownShape;
        if (shown.Length == 0) return format.Padded(0);
        if (dim == shown.Length - 1) return RenderVector(values, format, offset, indent);
        long stride = 1;
        for (int d = dim + 1; d < shown.Length; d++) stride *= shown[d];
        var slices = new List<string>();
        for (long i = 0; i < shown[dim]; i++)
        {
            if (values.Elided(dim) && i == TensorSnapshot.EdgeItems) slices.Add("...");
            slices.Add(Render(values, format, dim + 1, offset + i * stride, indent + 1));
        }
        int remaining = shown.Length - dim;
        string separator = "," + new string('\n', remaining - 1) + new string(' ', indent + 1);
        return "[" + string.Join(separator, slices) + "]";
    }

    private static string RenderVector(TensorSnapshot values, ElementFormat format, long offset, int indent)
    {
        int dim = values.ShownShape.Length - 1;
        long size = values.ShownShape[dim];
        var data = new List<string>();
        for (long i = 0; i < size; i++)
        {
            if (values.Elided(dim) && i == TensorSnapshot.EdgeItems) data.Add(" ...");
            data.Add(format.Padded((int)(offset + i)));
        }
        int perLine = Math.Max(1, (LineWidth - indent) / (format.Width + 2));
        var lines = new List<string>();
        for (int i = 0; i < data.Count; i += perLine) lines.Add(string.Join(", ", data.Skip(i).Take(perLine)));
        return "[" + string.Join(",\n" + new string(' ', indent + 1), lines) + "]";
    }
}
