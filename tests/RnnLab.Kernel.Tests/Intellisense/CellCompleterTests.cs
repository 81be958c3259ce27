using RnnLab.Kernel.Intellisense;

namespace RnnLab.Kernel.Tests.Intellisense;

public class CellCompleterTests
{
    [Fact]
    public void MembersOfAClassFromAnEarlierCell_AfterADot_FilteredByPrefix()
    {
        var context = ContextHarness.After("class Counter { public int Total; public void Tick() { } public void Reset() { } }", "var counter = new Counter();");
        string code = "counter.T";
        var answer = CellCompleter.Complete(context, code, code.Length);
        Assert.Equal(["Tick", "ToString", "Total"], answer.Matches);
        Assert.Equal((8, 9), (answer.CursorStart, answer.CursorEnd));
    }

    [Fact]
    public void AllMembers_RightAfterTheDot()
    {
        var context = ContextHarness.After("record Point(double X, double Y);");
        string code = "var p = new Point(1, 2);\np.";
        var answer = CellCompleter.Complete(context, code, code.Length);
        Assert.Contains("X", answer.Matches);
        Assert.Contains("Y", answer.Matches);
        Assert.Contains("Deconstruct", answer.Matches);
        Assert.DoesNotContain("while", answer.Matches);
        Assert.Equal(answer.CursorEnd, answer.CursorStart);
    }

    [Fact]
    public void LibraryTypeMembers_AndStaticMembers()
    {
        var answer = CellCompleter.Complete(ContextHarness.After(), "Math.Sq", 7);
        Assert.Equal(["Sqrt"], answer.Matches);
        var list = CellCompleter.Complete(ContextHarness.After(), "new List<int>().AddR", 20);
        Assert.Equal(["AddRange"], list.Matches);
    }

    [Fact]
    public void VariablesAndTypesFromEarlierCells_KeywordsAndNamespaces()
    {
        var context = ContextHarness.After("var learningRate = 0.01;", "class LearningSchedule { }");
        Assert.Equal(["LearningSchedule", "learningRate"], CellCompleter.Complete(context, "Lear", 4).Matches.Concat(CellCompleter.Complete(context, "lear", 4).Matches).Order(StringComparer.Ordinal));
        Assert.Contains("while", CellCompleter.Complete(context, "whi", 3).Matches);
        Assert.Equal(["Collections"], CellCompleter.Complete(context, "System.Coll", 11).Matches);
        Assert.Contains("display", CellCompleter.Complete(context, "disp", 4).Matches);
    }

    [Fact]
    public void CursorPositions_AreCodePoints_AroundAnEmoji()
    {
        var context = ContextHarness.After("var zeta = 1;");
        string code = "\"😀\"; ze";
        Assert.Equal(8, code.Length);
        var answer = CellCompleter.Complete(context, code, 7);
        Assert.Equal((5, 7), (answer.CursorStart, answer.CursorEnd));
        Assert.Contains("zeta", answer.Matches);
    }

    [Fact]
    public void NothingInsideStringsOrComments_AndDirectiveLinesAreIgnored()
    {
        var context = ContextHarness.After("var zeta = 1;");
        Assert.Empty(CellCompleter.Complete(context, "var s = \"ze", 11).Matches);
        Assert.Empty(CellCompleter.Complete(context, "// ze", 5).Matches);
        string code = "#r \"nuget: Foo, 1.0\"\n#!time\nze";
        Assert.Equal(["zeta"], CellCompleter.Complete(context, code, code.Length).Matches);
    }

    [Fact]
    public void ThroughARealSession_EarlierCellsVariablesAndClassesAreCompleted()
    {
        var harness = new Execution.SessionHarness();
        Assert.True(harness.Run("record Sample(int Epoch, double Loss);\nvar history = new List<Sample> { new(1, 0.5) };").Result.Succeeded);
        Assert.True(harness.Run("history.Count").Result.Succeeded);
        var context = harness.Session.CompletionContext;
        Assert.Equal(["history"], CellCompleter.Complete(context, "hist", 4).Matches);
        Assert.Equal(["Epoch"], CellCompleter.Complete(context, "history[0].Ep", 13).Matches);
        Assert.Contains("Select", CellCompleter.Complete(context, "history.Sel", 11).Matches);
        Assert.True(CellInspector.Inspect(context, "history", 7).Found);
    }
}
