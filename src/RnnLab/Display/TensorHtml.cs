using System.Net;
using System.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnLab.Display;

/// <summary>
/// A tensor's text/html view: a caption with shape and dtype, then the values in a table for
/// 1-D and 2-D tensors up to 20 x 20 (cells in the same format as pystr()), else pystr()'s text
/// in a &lt;pre&gt;. Inline styles only: no global CSS leaks into the notebook page.
/// </summary>
internal static class TensorHtml
{
    private const int MaxTableSide = 20;

    public static string Of(Tensor tensor)
    {
        var caption = new StringBuilder(tensor is Parameter ? "Parameter, shape " : "shape ")
            .Append(TorchNames.Shape(tensor.shape)).Append(", ").Append(TorchNames.DType(tensor.dtype));
        if (tensor.device_type != DeviceType.CPU) caption.Append(", device='").Append(tensor.device).Append('\'');
        if (tensor.requires_grad) caption.Append(", requires_grad=True");
        string captionHtml = WebUtility.HtmlEncode(caption.ToString());
        long[] shape = tensor.shape;
        bool tabular = tensor.device_type != DeviceType.META && shape.Length is 1 or 2
                       && shape.All(size => size is > 0 and <= MaxTableSide);
        if (!tabular)
            return "<div><div style=\"font-size:smaller\">" + captionHtml + "</div><pre>"
                   + WebUtility.HtmlEncode(TensorFormatter.ToPythonString(tensor)) + "</pre></div>";
        var format = new ElementFormat(TensorSnapshot.Of(tensor));
        long rows = shape.Length == 1 ? 1 : shape[0], columns = shape[^1];
        var html = new StringBuilder("<table style=\"border-collapse:collapse;font-family:monospace\">")
            .Append("<caption style=\"caption-side:top;text-align:left;font-size:smaller\">").Append(captionHtml).Append("</caption><tbody>");
        for (long r = 0; r < rows; r++)
        {
            html.Append("<tr>");
            for (long c = 0; c < columns; c++)
                html.Append("<td style=\"text-align:right;padding:0 0.5em\">").Append(WebUtility.HtmlEncode(format.Text((int)(r * columns + c)))).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }
}
