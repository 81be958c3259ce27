using System.Text;
using System.Text.Json.Nodes;

namespace RnnLab.Kernel.Notebooks;

/// <summary>
/// The workshop kit: a student copy of each notebook, with every exercise's solution replaced by
/// a stub that throws NotImplementedException and every output cleared. An exercise is a code cell
/// tagged "exercise" whose solution sits between "// BEGIN SOLUTION" and "// END SOLUTION" lines
/// (a whole method body, so the stub still compiles); its "// Exercise: ..." line names it.
/// </summary>
public static class StudentCopies
{
    /// <summary>The cell tag that marks an exercise.</summary>
    public const string ExerciseTag = "exercise";

    /// <summary>The line that opens a solution.</summary>
    public const string BeginMarker = "// BEGIN SOLUTION";

    /// <summary>The line that closes a solution.</summary>
    public const string EndMarker = "// END SOLUTION";

    private const string ExerciseLinePrefix = "// Exercise:";

    /// <summary>
    /// Writes a student copy of every notebook directly in <paramref name="notebooksDir"/> into
    /// <paramref name="outputDir"/> (created if needed), deleting stale copies there; returns the paths written.
    /// </summary>
    public static IReadOnlyList<string> Generate(string notebooksDir, string outputDir)
    {
        var copies = Render(notebooksDir, outputDir);
        Directory.CreateDirectory(outputDir);
        var written = new List<string>();
        foreach (var (name, json) in copies)
        {
            string target = Path.Combine(outputDir, name);
            File.WriteAllText(target, json);
            written.Add(target);
        }
        // A notebook removed from the collection must not live on in the kit.
        foreach (string stale in Directory.EnumerateFiles(outputDir, "*.ipynb").Where(p => !written.Contains(p, StringComparer.Ordinal)))
            File.Delete(stale);
        return written;
    }

    /// <summary>
    /// The student copies <see cref="Generate"/> would write into <paramref name="outputDir"/>, as
    /// file name -> notebook JSON, without writing anything (what a "copies are current" check compares).
    /// </summary>
    public static IReadOnlyList<(string Name, string Json)> Render(string notebooksDir, string outputDir)
    {
        string back = Path.GetRelativePath(Path.GetFullPath(outputDir), Path.GetFullPath(notebooksDir)).Replace('\\', '/');
        return [.. RunCommand.FindNotebooks([notebooksDir]).Select(source =>
        {
            string name = Path.GetFileName(source);
            return (name, NotebookJson.Serialize(ToStudentCopy(NotebookJson.Load(source), name, back)));
        })];
    }

    /// <summary>
    /// The student copy of one notebook (the input is not modified). <paramref name="pathToSources"/>
    /// leads from the copy's folder back to the original's ("..", for notebooks/student): relative
    /// <c>#:project</c> paths and the link to the original are rebased with it.
    /// </summary>
    /// <exception cref="InvalidDataException">An exercise cell without a solution, or unbalanced markers.</exception>
    public static JsonObject ToStudentCopy(JsonObject notebook, string sourceName, string pathToSources)
    {
        var copy = (JsonObject)notebook.DeepClone();
        var cells = copy["cells"] as JsonArray ?? throw new InvalidDataException($"{sourceName} has no cells");
        int exercises = 0;
        foreach (var cell in cells.OfType<JsonObject>())
        {
            if ((string?)cell["cell_type"] != "code") continue;
            cell["outputs"] = new JsonArray();
            cell["execution_count"] = null;
            (cell["metadata"] as JsonObject)?.Remove("execution");
            cell["source"] = NotebookJson.Lines(RebaseProjectPaths(NotebookJson.Text(cell["source"]), pathToSources));
            if (!IsExercise(cell)) continue;
            string id = (string?)cell["id"] ?? "?";
            cell["source"] = NotebookJson.Lines(StubSolutions(NotebookJson.Text(cell["source"]), $"{sourceName}, cell {id}"));
            exercises++;
        }
        cells.Insert(0, Banner($"{pathToSources}/{sourceName}", sourceName, exercises));
        return copy;
    }

    /// <summary>Replaces each solution region by a throw that names the exercise.</summary>
    internal static string StubSolutions(string source, string where)
    {
        string[] lines = source.Split('\n');
        string exercise = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(ExerciseLinePrefix, StringComparison.Ordinal)) is { } line
            ? line[ExerciseLinePrefix.Length..].Trim()
            : throw new InvalidDataException($"{where}: an exercise cell needs a '{ExerciseLinePrefix} ...' line naming the exercise");
        var result = new List<string>();
        int regions = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            string trimmed = lines[i].Trim();
            if (trimmed == EndMarker) throw new InvalidDataException($"{where}: '{EndMarker}' on line {i + 1} has no '{BeginMarker}' before it");
            if (trimmed != BeginMarker)
            {
                result.Add(lines[i]);
                continue;
            }
            string indent = lines[i][..(lines[i].Length - lines[i].TrimStart().Length)];
            int end = Array.FindIndex(lines, i + 1, l => l.Trim() is BeginMarker or EndMarker);
            if (end < 0 || lines[end].Trim() != EndMarker)
                throw new InvalidDataException($"{where}: '{BeginMarker}' on line {i + 1} is not closed by '{EndMarker}'");
            result.Add($"{indent}throw new NotImplementedException(\"Exercise: {Escape(exercise)}\");");
            regions++;
            i = end;
        }
        if (regions == 0) throw new InvalidDataException($"{where}: an exercise cell has no '{BeginMarker}' ... '{EndMarker}' region");
        return string.Join('\n', result);
    }

    /// <summary>"#:project ../src/X" seen from the copy's folder: the same project, reached through <paramref name="pathToSources"/>.</summary>
    internal static string RebaseProjectPaths(string source, string pathToSources) =>
        string.Join('\n', source.Split('\n').Select(line =>
        {
            const string directive = "#:project ";
            if (!line.StartsWith(directive, StringComparison.Ordinal)) return line;
            string path = line[directive.Length..].Trim().Trim('"');
            return Path.IsPathRooted(path) ? line : directive + pathToSources + "/" + path;
        }));

    private static bool IsExercise(JsonObject cell) =>
        cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => (string?)t == ExerciseTag);

    private static string Escape(string text) => new StringBuilder(text).Replace("\\", "\\\\").Replace("\"", "\\\"").ToString();

    private static JsonObject Banner(string link, string sourceName, int exercises) => new()
    {
        ["cell_type"] = "markdown",
        ["id"] = "student-copy",
        ["metadata"] = new JsonObject(),
        ["source"] = NotebookJson.Lines(
            $"> **Student copy** of [`{sourceName}`]({link}), outputs cleared. It has {exercises} exercise(s): each one's\n"
            + "> cell throws `NotImplementedException(\"Exercise: ...\")` until you replace that line with your code;\n"
            + "> the checks after it tell you when you are right. Generated from the original notebook: edits here are overwritten."),
    };
}
