using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive.Formatting;
using static TorchSharp.torch;

namespace RnnLab.Display;

/// <summary>
/// Registers with .NET Interactive's Formatter how tensors, modules and Plotly.NET charts show in a
/// notebook: tensors and modules as text/plain = pystr() and text/html (<see cref="TensorHtml"/>,
/// <see cref="ModuleHtml"/>); charts with every MIME type of <see cref="ChartDisplay"/>. Those are
/// also the preferred MIME types, so a kernel asking the Formatter gets exactly these. User
/// registrations win over the libraries' own [TypeFormatterSource]s (TorchSharp's Julia-style
/// text; Plotly.NET 6's HTML, which is literally "LOL!").
/// </summary>
internal static class DisplayRegistration
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";

    // CA2255 reserves module initializers for app-model set-up; this is that: the display must be
    // registered before a notebook shows its first tensor, whatever RnnLab code runs first. It only
    // registers delegates (nothing touches libtorch), so its order against TorchSharpNatives' does not matter.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void RegisterWhenThisAssemblyLoads() => Register();
#pragma warning restore CA2255

    internal static void Register()
    {
        Formatter.Register<Tensor>((tensor, writer) => writer.Write(PlainTextOf(tensor)), PlainText);
        Formatter.Register<Tensor>((tensor, writer) => writer.Write(HtmlOf(tensor)), Html);
        Formatter.SetPreferredMimeTypesFor(typeof(Tensor), PlainText, Html);
        Formatter.Register<nn.Module>((module, writer) => writer.Write(ModuleFormatter.ToPythonString(module)), PlainText);
        Formatter.Register<nn.Module>((module, writer) => writer.Write(ModuleHtml.Of(module)), Html);
        Formatter.SetPreferredMimeTypesFor(typeof(nn.Module), PlainText, Html);
        foreach (string mime in ChartDisplay.MimeTypes)
            Formatter.Register<Plotly.NET.GenericChart>((chart, writer) => writer.Write(ChartDisplay.BundleOf(chart)[mime]), mime);
        Formatter.SetPreferredMimeTypesFor(typeof(Plotly.NET.GenericChart), ChartDisplay.MimeTypes);
    }

    // A dtype pystr() refuses (complex, quantized) still shows: as TorchSharp itself shows it.
    private static string PlainTextOf(Tensor tensor) =>
        TensorFormatter.Supports(tensor.dtype) ? TensorFormatter.ToPythonString(tensor) : tensor.ToString(TorchSharp.TensorStringStyle.Default);

    private static string HtmlOf(Tensor tensor) =>
        TensorFormatter.Supports(tensor.dtype) ? TensorHtml.Of(tensor)
            : "<pre>" + System.Net.WebUtility.HtmlEncode(tensor.ToString(TorchSharp.TensorStringStyle.Default)) + "</pre>";
}
