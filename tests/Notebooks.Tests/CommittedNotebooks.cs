using System.Text.Json.Nodes;
using RnnLab.Kernel;
using RnnLab.Kernel.Notebooks;

namespace Notebooks.Tests;

/// <summary>The collection as committed: paths, and the comparison every execution test makes against it.</summary>
internal static class CommittedNotebooks
{
    public static string Folder => Path.Combine(CollectionTests.RepositoryRoot(), "notebooks");

    /// <summary>The collection's notebooks (not the student copies), by file name.</summary>
    public static IReadOnlyList<string> Names => [.. RunCommand.FindNotebooks([Folder]).Select(Path.GetFileName).OfType<string>()];

    public static TheoryData<string> All => [.. Names];

    public static JsonObject Load(string name) => NotebookJson.Load(Path.Combine(Folder, name));

    /// <summary>Fails with the first differing cell unless the executed outputs equal the committed ones after masking.</summary>
    public static void AssertSameOutputs(string name, JsonObject executed, string howExecuted)
    {
        var expected = OutputMasking.Of(Load(name));
        var actual = OutputMasking.Of(executed);
        Assert.Equal(expected.Select(c => c.CellId), actual.Select(c => c.CellId));
        foreach (var (want, got) in expected.Zip(actual))
            Assert.True(want.Outputs == got.Outputs,
                $"{name}, cell {want.CellId}: outputs {howExecuted} differ from the committed ones (after masking).\n"
                + $"--- committed:\n{want.Outputs}\n--- executed:\n{got.Outputs}\n"
                + "If the change is intended, re-run `dotnet run --project src/RnnLab.Kernel -- run notebooks` and commit the notebooks.");
    }

    /// <summary>Every check cell printed at least one ✓ and no ✗.</summary>
    public static void AssertChecksPassed(string name, JsonObject executed)
    {
        var checks = (executed["cells"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(c => c["metadata"]?["tags"] is JsonArray tags && tags.Any(t => (string?)t is "check" or "exercise")).ToList();
        Assert.NotEmpty(checks);
        foreach (var cell in checks)
        {
            string text = string.Concat((cell["outputs"] as JsonArray ?? []).OfType<JsonObject>().Select(o => NotebookJson.Text(o["text"]) + (string?)o["evalue"]));
            Assert.True(text.Contains('✓') && !text.Contains('✗'), $"{name}, check cell {(string?)cell["id"]} did not pass:\n{text}");
        }
    }
}
