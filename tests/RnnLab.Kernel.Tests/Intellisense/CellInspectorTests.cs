using RnnLab.Kernel.Execution;
using RnnLab.Kernel.Intellisense;

namespace RnnLab.Kernel.Tests.Intellisense;

public class CellInspectorTests
{
    [Fact]
    public void MethodFromAnEarlierCell_ShowsSignatureAndDocSummary()
    {
        var context = ContextHarness.After("/// <summary>Squares <paramref name=\"v\"/>.</summary>\nint Square(int v) => v * v;");
        var answer = CellInspector.Inspect(context, "Square", 6);
        Assert.True(answer.Found);
        Assert.Equal("int Square(int v)\n\nSquares v.", answer.Data[MimeTypes.PlainText]);
        Assert.StartsWith("```csharp\nint Square(int v)\n```", answer.Data[MimeTypes.Markdown]);
    }

    [Fact]
    public void FrameworkMethod_ListsOverloads_WithTheFrameworkSummary()
    {
        var answer = CellInspector.Inspect(ContextHarness.After(), "Math.Sqrt", 9);
        Assert.True(answer.Found);
        string text = answer.Data[MimeTypes.PlainText];
        Assert.StartsWith("double Math.Sqrt(double d)", text);
        Assert.Contains("Returns the square root of a specified number.", text);
    }

    [Fact]
    public void VariableUnderTheCursor_ShowsItsType_AndUnknownNamesAreNotFound()
    {
        var context = ContextHarness.After("var rates = new List<double>();");
        var answer = CellInspector.Inspect(context, "rates.Count", 2);
        Assert.True(answer.Found);
        Assert.Contains("List<double> rates", answer.Data[MimeTypes.PlainText]);
        Assert.False(CellInspector.Inspect(context, "nothingHere", 5).Found);
        Assert.False(CellInspector.Inspect(context, "1 + 2", 3).Found);
    }

    [Fact]
    public void KernelGlobals_AreDocumented()
    {
        var answer = CellInspector.Inspect(ContextHarness.After(), "display", 7);
        Assert.True(answer.Found);
        Assert.Contains("Shows a value as its own output", answer.Data[MimeTypes.PlainText]);
    }
}
