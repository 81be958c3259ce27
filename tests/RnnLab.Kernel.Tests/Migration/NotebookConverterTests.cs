using System.Text.Json.Nodes;
using RnnLab.Kernel.Migration;
using RnnLab.Kernel.Notebooks;
using RnnLab.Kernel.Tests.Runner;

namespace RnnLab.Kernel.Tests.Migration;

/// <summary>Converted notebooks are run in-process, which changes the working folder: one at a time with the runner tests.</summary>
[Collection(nameof(NotebookRunnerTests))]
public class NotebookConverterTests
{
    /// <summary>The shape the last Polyglot Notebooks extension wrote.</summary>
    private const string PolyglotNotebook = """
        {
         "cells": [
          {"cell_type": "markdown", "metadata": {}, "source": ["# Tensors"]},
          {"cell_type": "code", "execution_count": 1,
           "metadata": {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}, "vscode": {"languageId": "polyglot-notebook"}},
           "outputs": [{"name": "stdout", "output_type": "stream", "text": ["hello\n"]}],
           "source": ["#!csharp\n", "Console.WriteLine(\"hello\");\n", "var answer = 6 * 7;"]},
          {"cell_type": "code", "execution_count": null,
           "metadata": {"polyglot_notebook": {"kernelName": "markdown"}, "vscode": {"languageId": "polyglot-notebook"}},
           "outputs": [], "source": ["## Written as a markdown kernel cell"]},
          {"cell_type": "code", "execution_count": null, "metadata": {"dotnet_interactive": {"language": "csharp"}}, "outputs": [], "source": ["answer"]}
         ],
         "metadata": {
          "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
          "language_info": {"name": "polyglot-notebook"},
          "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}]}}
         },
         "nbformat": 4,
         "nbformat_minor": 2
        }
        """;

    private const string Dib = """
        #!meta

        {"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}}

        #!markdown

        # From a .dib file

        #!csharp

        var greeting = "hi";

        #!csharp

        greeting.ToUpper()
        """;

    [Fact]
    public void PolyglotIpynb_IsRewrittenForThisKernel_AndRuns()
    {
        string folder = Directory.CreateTempSubdirectory("rnnlab-convert-").FullName;
        string path = Path.Combine(folder, "polyglot.ipynb");
        File.WriteAllText(path, PolyglotNotebook);
        Assert.Equal(0, NotebookConverter.Execute([path], new StringWriter()));

        var notebook = NotebookJson.Load(path);
        Assert.Equal("rnnlab-csharp", (string?)notebook["metadata"]!["kernelspec"]!["name"]);
        Assert.Equal("csharp", (string?)notebook["metadata"]!["language_info"]!["name"]);
        Assert.Null(notebook["metadata"]!["polyglot_notebook"]);
        var cells = notebook["cells"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal("Console.WriteLine(\"hello\");\nvar answer = 6 * 7;", NotebookJson.Text(cells[1]["source"]));
        Assert.Equal("csharp", (string?)cells[1]["metadata"]!["vscode"]!["languageId"]);
        Assert.Null(cells[1]["metadata"]!["dotnet_interactive"]);
        Assert.Single(cells[1]["outputs"]!.AsArray());
        Assert.Equal("markdown", (string?)cells[2]["cell_type"]);
        Assert.All(cells, c => Assert.NotNull(c["id"]));

        var run = NotebookRunner.Run(path, new RunOptions());
        Assert.True(run.Succeeded, run.Failure);
        Assert.Equal("42", NotebookJson.Text(NotebookJson.Load(path)["cells"]![3]!["outputs"]![0]!["data"]!["text/plain"]));
        Runner.NbformatValidator.AssertValid(path);
    }

    [Fact]
    public void Dib_BecomesAnIpynbBesideIt_ThatRuns()
    {
        string folder = Directory.CreateTempSubdirectory("rnnlab-convert-dib-").FullName;
        string path = Path.Combine(folder, "lesson.dib");
        File.WriteAllText(path, Dib);
        Assert.Equal(0, NotebookConverter.Execute([path], new StringWriter()));

        string converted = Path.Combine(folder, "lesson.ipynb");
        var cells = NotebookJson.Load(converted)["cells"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal(["markdown", "code", "code"], cells.Select(c => (string?)c["cell_type"]));
        Assert.Equal("# From a .dib file", NotebookJson.Text(cells[0]["source"]));
        Assert.Equal("var greeting = \"hi\";", NotebookJson.Text(cells[1]["source"]));

        var run = NotebookRunner.Run(converted, new RunOptions());
        Assert.True(run.Succeeded, run.Failure);
        Assert.Equal("HI", NotebookJson.Text(NotebookJson.Load(converted)["cells"]![2]!["outputs"]![0]!["data"]!["text/plain"]));
    }
}
