using System.Text.Json.Nodes;
using RnnLab.Kernel.Notebooks;

namespace RnnLab.Kernel.Tests.Packages;

/// <summary>The runner executes every notebook in one process, and notebooks load different package sets.</summary>
[Collection(ProcessWideStateCollection.Name)]
public class RunnerPackageSetsTests
{
    [Fact]
    public void TwoNotebooksInOneRun_EachGetTheirOwnFSharpCore()
    {
        string folder = Directory.CreateTempSubdirectory("rnnlab-package-sets-").FullName;
        Write(Path.Combine(folder, "a-plotly.ipynb"),
            "#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\ntypeof(Microsoft.FSharp.Core.Unit).Assembly.GetName().Version");
        Write(Path.Combine(folder, "b-fsharp11.ipynb"),
            "#r \"nuget: FSharp.Core, 11.0.101\"\ntypeof(Microsoft.FSharp.Core.Unit).Assembly.GetName().Version");
        var log = new StringWriter();
        Assert.True(RunCommand.Execute([folder], log) == 0, log.ToString());
        Assert.Equal("10.1.0.0", Result(Path.Combine(folder, "a-plotly.ipynb")));
        Assert.Equal("11.0.0.0", Result(Path.Combine(folder, "b-fsharp11.ipynb")));
    }

    private static void Write(string path, string source) => File.WriteAllText(path, new JsonObject
    {
        ["cells"] = new JsonArray(new JsonObject
        {
            ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(), ["execution_count"] = null, ["source"] = source,
        }),
        ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5,
    }.ToJsonString());

    private static string Result(string path) =>
        NotebookJson.Text(JsonNode.Parse(File.ReadAllText(path))!["cells"]![0]!["outputs"]![0]!["data"]!["text/plain"]);
}
