using System.Text.Json.Nodes;
using RnnLab.Kernel.Notebooks;

namespace Notebooks.Tests;

public class StudentCopiesGeneratorTests
{
    private static JsonObject Notebook(string exerciseSource, params string[] tags) => new()
    {
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
        ["metadata"] = new JsonObject(),
        ["cells"] = new JsonArray(
            new JsonObject
            {
                ["cell_type"] = "code", ["id"] = "setup", ["metadata"] = new JsonObject(), ["execution_count"] = 1,
                ["source"] = NotebookJson.Lines("#:project ../src/RnnLab\nusing RnnLab;"),
                ["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "hi\n" }),
            },
            new JsonObject
            {
                ["cell_type"] = "code", ["id"] = "ex", ["execution_count"] = 2, ["outputs"] = new JsonArray(),
                ["metadata"] = new JsonObject { ["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()) },
                ["source"] = NotebookJson.Lines(exerciseSource),
            }),
    };

    private const string Exercise = """
        // Exercise: add one.
        int AddOne(int x)
        {
            // BEGIN SOLUTION
            return x + 1;
            // END SOLUTION
        }
        Check.Equal(2, AddOne(1), "adds one");
        """;

    private static string CellSource(JsonObject notebook, string id) =>
        NotebookJson.Text(notebook["cells"]!.AsArray().OfType<JsonObject>().Single(c => (string?)c["id"] == id)["source"]);

    [Fact]
    public void Solution_BecomesAStubThatNamesTheExercise_AtTheSameIndent()
    {
        var copy = StudentCopies.ToStudentCopy(Notebook(Exercise, "exercise"), "x.ipynb", "..");
        string source = CellSource(copy, "ex");
        Assert.Contains("    throw new NotImplementedException(\"Exercise: add one.\");\n}", source);
        Assert.DoesNotContain("return x + 1", source);
        Assert.Contains("Check.Equal(2, AddOne(1)", source);
    }

    [Fact]
    public void OutputsAreCleared_ProjectPathsRebased_AndABannerLeadsBack()
    {
        var copy = StudentCopies.ToStudentCopy(Notebook(Exercise, "exercise"), "x.ipynb", "..");
        var cells = copy["cells"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal("markdown", (string?)cells[0]["cell_type"]);
        Assert.Contains("(../x.ipynb)", NotebookJson.Text(cells[0]["source"]));
        Assert.All(cells.Skip(1), c => Assert.Empty(c["outputs"]!.AsArray()));
        Assert.All(cells.Skip(1), c => Assert.Null(c["execution_count"]));
        Assert.StartsWith("#:project ../../src/RnnLab\n", CellSource(copy, "setup"));
    }

    [Fact]
    public void CellsWithoutTheTag_KeepTheirCode()
    {
        var copy = StudentCopies.ToStudentCopy(Notebook(Exercise), "x.ipynb", "..");
        Assert.Contains("return x + 1", CellSource(copy, "ex"));
    }

    [Theory]
    [InlineData("// Exercise: e\n// BEGIN SOLUTION\nx();", "is not closed")]
    [InlineData("// Exercise: e\nx();\n// END SOLUTION", "has no '// BEGIN SOLUTION' before it")]
    [InlineData("// Exercise: e\nx();", "has no '// BEGIN SOLUTION'")]
    [InlineData("// BEGIN SOLUTION\nx();\n// END SOLUTION", "needs a '// Exercise: ...' line")]
    public void MalformedExercises_AreRejectedWithTheReason(string source, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => StudentCopies.ToStudentCopy(Notebook(source, "exercise"), "x.ipynb", ".."));
        Assert.Contains(reason, error.Message);
        Assert.Contains("x.ipynb, cell ex", error.Message);
    }
}
