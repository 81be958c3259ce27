using System.Net;
using System.Text;
using RnnLab.Torch.Printing;

namespace RnnLab.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>
        /// PyTorch's str(tensor), e.g. <c>tensor([[ 0.1234, -1.2000]], requires_grad=True)</c>.
        /// (TorchSharp's ToString() gives metadata only; here it reads like the PyTorch articles.)
        /// </summary>
        public override string ToString() => TensorFormatter.ToPythonString(this);

        /// <summary>Same as <see cref="ToString()"/>.</summary>
        public string str() => ToString();

        /// <summary>Shape, dtype and device only: "[2x4], type = Float32, device = cpu" (TorchSharp's ToString()).</summary>
        public string metastr() => $"[{string.Join("x", Sizes)}], type = {dtype}, device = {device}";

        /// <summary>Writes <see cref="ToString()"/> to the console and returns this tensor.</summary>
        public Tensor print()
        {
            Console.WriteLine(ToString());
            return this;
        }

        /// <summary>
        /// The notebook display bundle (found by the kernel by convention): text/plain is str(tensor);
        /// text/html is a small table for 1-D/2-D tensors up to 20x20, else the text in a &lt;pre&gt;.
        /// </summary>
        public IReadOnlyDictionary<string, string> ToMimeBundle()
        {
            string text = ToString();
            return new Dictionary<string, string>
            {
                ["text/plain"] = text,
                ["text/html"] = ToHtml(text),
            };
        }

        private string ToHtml(string text)
        {
            string caption = WebUtility.HtmlEncode(
                $"{metastr()}" + (grad_fn is { } fn ? $", grad_fn=<{fn.name()}>" : requires_grad ? ", requires_grad=True" : ""));
            bool tabular = (Sizes.Length == 1 && Sizes[0] <= 20 && Sizes[0] > 0) ||
                           (Sizes.Length == 2 && Sizes[0] <= 20 && Sizes[1] <= 20 && Sizes[0] > 0 && Sizes[1] > 0);
            if (!tabular)
                return $"<div><div style=\"font-size:smaller\">{caption}</div><pre>{WebUtility.HtmlEncode(text)}</pre></div>";
            // Cell text comes from the same formatter as str(), so the table and the text agree.
            string[] cells = CellTexts();
            long rows = Sizes.Length == 1 ? 1 : Sizes[0], cols = Sizes[^1];
            var sb = new StringBuilder();
            sb.Append("<table style=\"border-collapse:collapse;font-family:monospace\"><caption style=\"caption-side:top;text-align:left;font-size:smaller\">")
              .Append(caption).Append("</caption><tbody>");
            for (long r = 0; r < rows; r++)
            {
                sb.Append("<tr>");
                for (long c = 0; c < cols; c++)
                    sb.Append("<td style=\"text-align:right;padding:0 0.5em\">").Append(WebUtility.HtmlEncode(cells[r * cols + c])).Append("</td>");
                sb.Append("</tr>");
            }
            return sb.Append("</tbody></table>").ToString();
        }

        /// <summary>Each element as str() prints it (same shared format), without padding.</summary>
        private string[] CellTexts()
        {
            string text = TensorFormatter.ToPythonString(detach());
            int open = text.IndexOf('[');
            int close = text.LastIndexOf(']');
            string inner = text[(open)..(close + 1)];
            return inner.Replace("[", " ").Replace("]", " ").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries)
                        .Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
        }
    }
}
