using System.Text.Json.Nodes;
using RnnLab.Kernel.Notebooks;

namespace Notebooks.Tests;

/// <summary>
/// Regression check (c): notebooks/student/ is exactly what the generator makes from the current
/// notebooks, and in the student copies the only thing that fails is an exercise stub. (That the
/// solutions pass is ExecutedOutputsTests: the instructor notebooks run with their solutions.)
/// Regenerate notebooks/student/ with: dotnet run --project src/RnnLab.Kernel -- student
/// </summary>
[Collection(nameof(NotebookExecutionTests))]
public class StudentCopiesTests
{
    private static string StudentFolder => Path.Combine(CommittedNotebooks.Folder, "student");

    [Fact]
    public void StudentCopies_AreCurrent()
    {
        var fresh = StudentCopies.Render(CommittedNotebooks.Folder, StudentFolder);
        Assert.Equal(CommittedNotebooks.Names, fresh.Select(c => c.Name));
        const string regenerate = "regenerate with: dotnet run --project src/RnnLab.Kernel -- student";
        foreach (var (name, json) in fresh)
        {
            string committed = Path.Combine(StudentFolder, name);
            Assert.True(File.Exists(committed), $"notebooks/student/{name} is missing; {regenerate}");
            Assert.True(File.ReadAllText(committed) == json, $"notebooks/student/{name} is stale; {regenerate}");
        }
        Assert.Equal(fresh.Select(c => c.Name).Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(StudentFolder, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void StudentCommand_WritesEveryCopy_WhereAsked()
    {
        string destination = Directory.CreateTempSubdirectory("rnnlab-student-").FullName;
        var output = new StringWriter();
        Assert.Equal(0, StudentCommand.Execute([CommittedNotebooks.Folder, destination], output));
        Assert.Contains($"Wrote {CommittedNotebooks.Names.Count} student notebook(s)", output.ToString());
        // Links in a copy are relative to where it is written, so compare with a render for the same place.
        foreach (var (name, json) in StudentCopies.Render(CommittedNotebooks.Folder, destination))
            Assert.Equal(json, File.ReadAllText(Path.Combine(destination, name)));
    }

    [Fact]
    public void StudentCommand_MissingFolder_SaysWhich()
    {
        var output = new StringWriter();
        Assert.Equal(2, StudentCommand.Execute(["no-such-notebooks"], output));
        Assert.Contains("no-such-notebooks", output.ToString());
    }

    [Theory]
    [MemberData(nameof(CommittedNotebooks.All), MemberType = typeof(CommittedNotebooks))]
    public void StudentCopy_HasNoOutputs_NoSolutions_AndFailsOnlyInItsExercises(string name)
    {
        string path = Path.Combine(StudentFolder, name);
        var copy = NotebookJson.Load(path);
        var codeCells = copy["cells"]!.AsArray().OfType<JsonObject>().Where(c => (string?)c["cell_type"] == "code").ToList();
        Assert.All(codeCells, c => Assert.Empty(c["outputs"]!.AsArray()));
        Assert.DoesNotContain(codeCells, c => NotebookJson.Text(c["source"]).Contains(StudentCopies.BeginMarker));
        Assert.Contains(codeCells, c => NotebookJson.Text(c["source"]).Contains("throw new NotImplementedException(\"Exercise: "));

        string output = Directory.CreateTempSubdirectory("rnnlab-student-run-").FullName;
        var run = NotebookRunner.Run(path, new RunOptions { OutputDirectory = output, AllowErrors = true, CellTimeout = TimeSpan.FromMinutes(5) });
        Assert.True(run.Succeeded, $"{name}: {run.Failure}");
        var executed = NotebookJson.Load(run.WrittenTo!);
        foreach (var cell in executed["cells"]!.AsArray().OfType<JsonObject>().Where(c => (string?)c["cell_type"] == "code"))
        {
            bool exercise = cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => (string?)t == StudentCopies.ExerciseTag);
            var errors = cell["outputs"]!.AsArray().OfType<JsonObject>().Where(o => (string?)o["output_type"] == "error").ToList();
            if (exercise)
                Assert.True(errors.Count == 1 && ((string?)errors[0]["evalue"] ?? "").Contains("Exercise: "),
                    $"{name}, exercise cell {(string?)cell["id"]} should stop at its NotImplementedException stub");
            else
                Assert.True(errors.Count == 0, $"{name}, cell {(string?)cell["id"]} fails in the student copy: {errors.FirstOrDefault()?["evalue"]}");
        }
    }
}
