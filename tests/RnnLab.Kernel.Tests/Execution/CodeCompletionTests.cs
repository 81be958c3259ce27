using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Tests.Execution;

public class CodeCompletionTests
{
    private static CodeCompletion.Result Complete(SessionHarness harness, string code) =>
        CodeCompletion.Complete(harness.Session, code, code.EnumerateRunes().Count());

    [Fact]
    public void MembersOfAClassFromAnEarlierCell_AfterADot()
    {
        var harness = new SessionHarness();
        harness.Run("class Model { public int HiddenSize = 20; public int HiddenLayers => 2; public void Train() { } }\nvar model = new Model();");
        var result = Complete(harness, "model.Hidd");
        Assert.Equal(["HiddenLayers", "HiddenSize"], result.Matches);
        Assert.Equal(6, result.CursorStart);
        Assert.Equal(10, result.CursorEnd);
    }

    [Fact]
    public void LibraryTypes_Variables_AndNamespaces()
    {
        var harness = new SessionHarness();
        harness.Run("var learningRate = 0.01;");
        Assert.Equal(["WriteLine"], Complete(harness, "Console.WriteL").Matches);
        Assert.Contains("learningRate", Complete(harness, "learn").Matches);
        Assert.Contains("Generic", Complete(harness, "System.Collections.").Matches);
        Assert.Contains("Where", Complete(harness, "new List<int>().Whe").Matches);
    }

    [Fact]
    public void Offsets_AreCodePoints()
    {
        var harness = new SessionHarness();
        harness.Run("var zebra = 1;");
        var result = Complete(harness, "\"😀\"; ze");
        Assert.Equal(["zebra"], result.Matches);
        Assert.Equal(5, result.CursorStart);
        Assert.Equal(7, result.CursorEnd);
    }
}
