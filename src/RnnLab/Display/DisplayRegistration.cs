using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive.Formatting;
using static TorchSharp.torch;

namespace RnnLab.Display;

/// <summary>
/// Registers with .NET Interactive's Formatter how tensors and modules show in a notebook:
/// text/plain = pystr(), text/html = <see cref="TensorHtml"/> / <see cref="ModuleHtml"/>, and those
/// two as the preferred MIME types. A kernel asks the Formatter for exactly these.
/// User registrations win over TorchSharp's own [TypeFormatterSource] (Julia-style text).
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
    }

    // A dtype pystr() refuses (complex, quantized) still shows: as TorchSharp itself shows it.
    private static string PlainTextOf(Tensor tensor) =>
        TensorFormatter.Supports(tensor.dtype) ? TensorFormatter.ToPythonString(tensor) : tensor.ToString(TorchSharp.TensorStringStyle.Default);

    private static string HtmlOf(Tensor tensor) =>
        TensorFormatter.Supports(tensor.dtype) ? TensorHtml.Of(tensor)
            : "<pre>" + System.Net.WebUtility.HtmlEncode(tensor.ToString(TorchSharp.TensorStringStyle.Default)) + "</pre>";
}
