using System.Globalization;
using System.Net;
using static TorchSharp.torch;

namespace RnnLab.Display;

/// <summary>A module's text/html view: its parameter count, then pystr()'s structure in a &lt;pre&gt;.</summary>
internal static class ModuleHtml
{
    public static string Of(nn.Module module)
    {
        long count = module.parameters().Sum(p => p.numel());
        string caption = count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " parameter" : " parameters");
        return "<div><div style=\"font-size:smaller\">" + caption + "</div><pre>"
               + WebUtility.HtmlEncode(ModuleFormatter.ToPythonString(module)) + "</pre></div>";
    }
}
