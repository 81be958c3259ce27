using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive.Formatting;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnLab.Tests.Display;

/// <summary>What a kernel gets from .NET Interactive's Formatter once RnnLab has loaded.</summary>
public class DisplayRegistrationTests
{
    static DisplayRegistrationTests() =>
        // What a kernel does after loading the assembly: run its module initializer (once per process).
        RuntimeHelpers.RunModuleConstructor(typeof(PyTorchStrings).Module.ModuleHandle);

    /// <summary>The bundle a kernel builds: every preferred MIME type, formatted by the Formatter.</summary>
    private static Dictionary<string, string> Bundle(object value) =>
        Formatter.GetPreferredMimeTypesFor(value.GetType()).ToDictionary(mime => mime, value.ToDisplayString);

    [Theory]
    [InlineData(typeof(Tensor))]
    [InlineData(typeof(Parameter))]
    [InlineData(typeof(nn.Module))]
    [InlineData(typeof(Linear))]
    [InlineData(typeof(RNN))]
    [InlineData(typeof(Sequential))]
    public void PreferredMimeTypes_ArePlainTextAndHtml(Type type) =>
        Assert.Equal(["text/html", "text/plain"], Formatter.GetPreferredMimeTypesFor(type).Order());

    [Fact]
    public void Tensor_PlainText_IsPyTorchsStr_NotTorchSharpsJuliaStyle()
    {
        using Tensor t = torch.tensor(new float[,] { { 0.1234f, -1.2f }, { 12.5f, 0f } });
        Dictionary<string, string> bundle = Bundle(t);
        Assert.Equal("tensor([[ 0.1234, -1.2000],\n        [12.5000,  0.0000]])", bundle["text/plain"]);
        Assert.Equal(t.pystr(), bundle["text/plain"]);
    }

    [Fact]
    public void SmallMatrix_Html_IsATableWithCaption_InTheSameFormatAsItsText()
    {
        using Tensor t = torch.tensor(new float[,] { { 0.1234f, -1.2f }, { 3f, 4.5f } }).requires_grad_();
        string html = t.ToDisplayString("text/html");
        Assert.StartsWith("<table", html);
        Assert.Contains(">shape (2, 2), torch.float32, requires_grad=True</caption>", html);
        Assert.Contains("<td style=\"text-align:right;padding:0 0.5em\">-1.2000</td>", html);
        Assert.Equal(4, html.Split("<td").Length - 1);
        Assert.DoesNotContain("<style", html);
    }

    [Fact]
    public void HigherRankOrLargeTensor_Html_IsTheTextInAPre_Escaped()
    {
        using Tensor t = ones(2, 3, 4, dtype: ScalarType.Int32);
        string html = t.ToDisplayString("text/html");
        Assert.Contains(">shape (2, 3, 4), torch.int32</div>", html);
        Assert.Contains("<pre>tensor([[[1, 1, 1, 1],", html);
        using var parameter = nn.Parameter(ones(30));
        Assert.Contains("<pre>Parameter containing:\ntensor([1., 1.,", parameter.ToDisplayString("text/html"));
        Assert.Contains(">Parameter, shape (30,), torch.float32, requires_grad=True</div>", parameter.ToDisplayString("text/html"));
    }

    [Fact]
    public void ComplexTensor_StillShows_AsTorchSharpPrintsIt()
    {
        using Tensor complex = zeros(2, dtype: ScalarType.ComplexFloat32);
        Dictionary<string, string> bundle = Bundle(complex);
        Assert.Equal(complex.ToString(TorchSharp.TensorStringStyle.Default), bundle["text/plain"]);
        Assert.StartsWith("<pre>[2], type = ComplexFloat32", bundle["text/html"]);
    }

    [Fact]
    public void Module_ShowsItsStructure_AndItsParameterCountInHtml()
    {
        using var model = nn.Sequential(("rnn_out", nn.Linear(20, 5)), ("act", nn.LogSoftmax(1)));
        Dictionary<string, string> bundle = Bundle(model);
        Assert.Equal(model.pystr(), bundle["text/plain"]);
        Assert.StartsWith("Sequential(\n  (rnn_out): Linear(in_features=20, out_features=5, bias=True)", bundle["text/plain"]);
        Assert.Equal("<div><div style=\"font-size:smaller\">105 parameters</div><pre>" + model.pystr() + "</pre></div>", bundle["text/html"]);
        using var gru = nn.GRU(4, 8, bidirectional: true);
        Assert.Contains("<pre>GRU(4, 8, bidirectional=True)</pre>", gru.ToDisplayString("text/html"));
    }

    [Fact]
    public void EveryPreferredMimeType_HasAUserRegisteredFormatter()
    {
        ITypeFormatter[] user = [.. Formatter.RegisteredFormatters(includeDefaults: false)];
        foreach (Type type in new[] { typeof(Tensor), typeof(nn.Module), typeof(Plotly.NET.GenericChart) })
            foreach (string mime in Formatter.GetPreferredMimeTypesFor(type))
                Assert.Contains(user, f => f.Type == type && f.MimeType == mime);
    }
}
