using System.Text.Json.Nodes;
using RnnLab.Kernel.Migration;
using RnnLab.Kernel.Notebooks;
using RnnLab.Kernel.Tests.Runner;

namespace RnnLab.Kernel.Tests.Migration;

/// <summary>The runner changes the process's working folder, so these share its collection.</summary>
[Collection(ProcessWideStateCollection.Name)]
public class ConvertCommandTests
{
    private static string Sample(string name)
    {
        string folder = Directory.CreateTempSubdirectory("rnnlab-convert-").FullName;
        string path = Path.Combine(folder, name);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "migration", name), path);
        return path;
    }

    private static List<JsonObject> Cells(JsonObject notebook) => notebook["cells"]!.AsArray().OfType<JsonObject>().ToList();

    [Fact]
    public void PolyglotIpynb_GetsThisKernelsMetadata_AndItsCellsBecomeCSharpOrMarkdown()
    {
        string input = Sample("polyglot-tensors.ipynb");
        string output = Path.Combine(Path.GetDirectoryName(input)!, "converted.ipynb");
        var log = new StringWriter();
        Assert.Equal(0, ConvertCommand.Execute([input, "-o", output], log));
        Assert.Contains("turned a fsharp cell into markdown", log.ToString());

        var notebook = NotebookJson.Load(output);
        var metadata = notebook["metadata"]!;
        Assert.Equal("rnnlab-csharp", (string?)metadata["kernelspec"]!["name"]);
        Assert.Equal("C# (RnnLab)", (string?)metadata["kernelspec"]!["display_name"]);
        Assert.Equal("csharp", (string?)metadata["kernelspec"]!["language"]);
        Assert.Equal("csharp", (string?)metadata["language_info"]!["name"]);
        Assert.Equal("text/x-csharp", (string?)metadata["language_info"]!["codemirror_mode"]);
        Assert.Null(metadata["polyglot_notebook"]);
        Assert.Equal(5, (int)notebook["nbformat_minor"]!);

        var cells = Cells(notebook);
        Assert.Equal(["markdown", "code", "markdown", "markdown", "code"], cells.Select(c => (string?)c["cell_type"]));
        var first = cells[1];
        Assert.Equal("csharp", (string?)first["metadata"]!["vscode"]!["languageId"]);
        Assert.Null(first["metadata"]!["dotnet_interactive"]);
        Assert.Null(first["metadata"]!["polyglot_notebook"]);
        string source = NotebookJson.Text(first["source"]);
        // Package lines stay as written: TorchSharp and Plotly.NET run in this kernel.
        Assert.Equal("#r \"nuget: TorchSharp-cpu\"\nvar greeting = \"hello\";\nConsole.WriteLine(greeting);", source);
        Assert.DoesNotContain("#!csharp", source);
        Assert.Single(first["outputs"]!.AsArray());
        string fsharp = NotebookJson.Text(cells[2]["source"]);
        Assert.Contains("`fsharp` cell", fsharp);
        Assert.Contains("```fsharp\nlet squares = [ for i in 1..3 -> i * i ]\n```", fsharp);
        Assert.Equal("Some **notes** written in a code cell.", NotebookJson.Text(cells[3]["source"]));
        Assert.All(cells, c => Assert.False(string.IsNullOrEmpty((string?)c["id"])));
        NbformatValidator.AssertValid(output);

        // The converted notebook runs with this kernel's runner, top to bottom.
        var result = NotebookRunner.Run(output, new RunOptions());
        Assert.True(result.Succeeded, result.Failure);
        var executed = Cells(NotebookJson.Load(output));
        Assert.Equal("hello\n", NotebookJson.Text(executed[1]["outputs"]![0]!["text"]));
        Assert.Equal("5", NotebookJson.Text(executed[4]["outputs"]![0]!["data"]!["text/plain"]));
    }

    [Fact]
    public void TorchSharpTutorialStyle_FormatterRegisterForTensors_RunsAndDisplaysUnchanged()
    {
        string input = Sample("polyglot-torchsharp-tutorial.ipynb");
        Assert.Equal(0, ConvertCommand.Execute([input], new StringWriter()));
        var cells = Cells(NotebookJson.Load(input));
        Assert.Equal("#r \"nuget: TorchSharp-cpu, 0.107.0\"", NotebookJson.Text(cells[1]["source"]));

        var result = NotebookRunner.Run(input, new RunOptions { CellTimeout = TimeSpan.FromMinutes(5) });
        Assert.True(result.Succeeded, result.Failure);
        var tensor = Cells(NotebookJson.Load(input))[3]["outputs"]![0]!["data"]!.AsObject();
        // The notebook's own registration: TorchSharp's numpy-style text, and only text/plain, as it preferred.
        Assert.Equal("[[1, 1, 1]\n [1, 1, 1]]", NotebookJson.Text(tensor["text/plain"]).TrimEnd());
        Assert.Equal(["text/plain"], tensor.Select(p => p.Key));
    }

    [Fact]
    public void Dib_BecomesANotebook_ThatRuns()
    {
        string input = Sample("polyglot-sequences.dib");
        var log = new StringWriter();
        Assert.Equal(0, ConvertCommand.Execute([input], log));
        string output = Path.ChangeExtension(input, ".ipynb");
        Assert.Contains(output, log.ToString());

        var notebook = NotebookJson.Load(output);
        var cells = Cells(notebook);
        Assert.Equal(["markdown", "code", "markdown", "code", "code"], cells.Select(c => (string?)c["cell_type"]));
        Assert.Equal("# Sequences\n\nA short notebook written with Polyglot Notebooks.", NotebookJson.Text(cells[0]["source"]));
        Assert.Equal("var numbers = new List<int> { 1, 2, 3 };\nConsole.WriteLine(numbers.Count);", NotebookJson.Text(cells[1]["source"]));
        Assert.Contains("```pwsh\nGet-ChildItem\n```", NotebookJson.Text(cells[2]["source"]));
        Assert.Equal("numbers.Sum()", NotebookJson.Text(cells[3]["source"]));
        Assert.Equal("#!html\n<b>done</b>", NotebookJson.Text(cells[4]["source"]));
        Assert.Equal("rnnlab-csharp", (string?)notebook["metadata"]!["kernelspec"]!["name"]);
        NbformatValidator.AssertValid(output);

        var result = NotebookRunner.Run(output, new RunOptions());
        Assert.True(result.Succeeded, result.Failure);
        var executed = Cells(NotebookJson.Load(output));
        Assert.Equal("3\n", NotebookJson.Text(executed[1]["outputs"]![0]!["text"]));
        Assert.Equal("6", NotebookJson.Text(executed[3]["outputs"]![0]!["data"]!["text/plain"]));
    }

    [Fact]
    public void DibParser_UsesTheMetaDefaultKernel_ForTextBeforeTheFirstSeparator()
    {
        var (cells, defaultKernel) = DibParser.Parse("#!meta\n{\"kernelInfo\":{\"defaultKernelName\":\"fsharp\"}}\n#!markdown\n# t\n#!F#\nlet x = 1\n");
        Assert.Equal("fsharp", defaultKernel);
        Assert.Equal([new DibCell("markdown", "# t"), new DibCell("fsharp", "let x = 1")], cells);
        Assert.Equal([new DibCell("csharp", "var a = 1;")], DibParser.Parse("var a = 1;\n").Cells);
    }

    [Fact]
    public void BadUsage_AndUnreadableInput_FailClearly()
    {
        var log = new StringWriter();
        Assert.Equal(2, ConvertCommand.Execute([], log));
        Assert.Equal(2, ConvertCommand.Execute(["a.ipynb", "b.dib", "-o", "c.ipynb"], log));
        Assert.Equal(2, Program.Main(["convert"]));
        Assert.Equal(1, ConvertCommand.Execute(["no/such/notebook.ipynb"], log));
        Assert.Contains("cannot convert 'no/such/notebook.ipynb'", log.ToString());
    }
}
