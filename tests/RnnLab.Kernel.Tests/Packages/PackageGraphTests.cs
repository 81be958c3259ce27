using RnnLab.Kernel.Execution;
using RnnLab.Kernel.Tests.Execution;

namespace RnnLab.Kernel.Tests.Packages;

/// <summary>
/// One package graph per session, with the packages the notebooks really use (restored from the package source
/// the first time, then from NuGet's global folder). TorchSharp's native code is not touched here: these tests are
/// about which files load, not about running libtorch.
/// </summary>
public class PackageGraphTests
{
    private const string TorchSharp = "#r \"nuget: TorchSharp-cpu, 0.107.0\"";
    private const string PlotlyNet = "#r \"nuget: Plotly.NET.CSharp, 0.14.0\"";

    private static string Errors(List<CellOutput> outputs) =>
        string.Join("\n", outputs.OfType<ErrorOutput>().SelectMany(e => e.Traceback));

    /// <summary>A library like src/RnnLab: it references TorchSharp-cpu and Plotly.NET.CSharp itself.</summary>
    private static string WriteLibraryProject(string folder)
    {
        string project = Path.Combine(folder, "ChartLib");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "ChartLib.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TorchSharp-cpu" Version="0.107.0" />
                <PackageReference Include="Plotly.NET.CSharp" Version="0.14.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Where.cs"), """
            namespace ChartLib;
            public static class Where
            {
                public static string TorchSharp => typeof(global::TorchSharp.torch).Assembly.Location;
                public static string Plotly => typeof(global::Plotly.NET.GenericChart).Assembly.Location;
            }
            """);
        return project;
    }

    [Fact]
    public void ANotebooksFirstCell_PackagesThenProject_LoadsEachAssemblyFromOnePath_AndCopiesNoNativeLibrary()
    {
        var harness = new SessionHarness();
        string project = WriteLibraryProject(harness.WorkingDirectory);
        var (result, outputs) = harness.Run($"""
            {TorchSharp}
            {PlotlyNet}
            #:project ChartLib
            var fromCell = (typeof(TorchSharp.torch).Assembly.Location, typeof(Plotly.NET.GenericChart).Assembly.Location);
            fromCell == (ChartLib.Where.TorchSharp, ChartLib.Where.Plotly)
            """);
        Assert.True(result.Succeeded, Errors(outputs));
        Assert.Equal("true", SessionHarness.ResultText(outputs));

        string torchSharp = SessionHarness.ResultText(harness.Run("fromCell.Item1").Outputs)!;
        Assert.EndsWith(Path.Combine("torchsharp", "0.107.0", "lib", "net8.0", "TorchSharp.dll"), torchSharp);
        // One TorchSharp in this session's load context, and no libtorch next to the project's build.
        Assert.Equal("1", SessionHarness.ResultText(harness.Run("""
            System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(typeof(TorchSharp.torch).Assembly)!
                .Assemblies.Count(a => a.GetName().Name == "TorchSharp")
            """).Outputs));
        string output = Path.Combine(project, "bin");
        var copiedNatives = Directory.Exists(output)
            ? Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Where(f => f.Contains("torch", StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
        Assert.Empty(copiedNatives);
    }

    [Fact]
    public void ALaterPackage_ThatWouldChangeALoadedAssembly_NamesBothVersions_AndTheSessionGoesOn()
    {
        var harness = new SessionHarness();
        var (result, outputs) = harness.Run($"{PlotlyNet}\ntypeof(Microsoft.FSharp.Core.Unit).Assembly.GetName().Version");
        Assert.True(result.Succeeded, Errors(outputs));
        Assert.Equal("10.1.0.0", SessionHarness.ResultText(outputs));

        (result, outputs) = harness.Run("#r \"nuget: FSharp.Core, 11.0.101\"");
        Assert.False(result.Succeeded);
        var error = Assert.Single(outputs.OfType<ErrorOutput>());
        Assert.Equal("DirectiveError", error.Name);
        Assert.Equal("#r \"nuget: FSharp.Core, 11.0.101\" needs FSharp.Core 11.0.101, but this session already uses FSharp.Core "
            + "10.1.403 (assembly FSharp.Core). A session loads one version of each package: restart the kernel and run "
            + "#r \"nuget: FSharp.Core, 11.0.101\" before the line that brought in the other version.", error.Value);

        // Nothing changed: the session still has its packages and runs cells.
        Assert.Equal("10.1.0.0", SessionHarness.ResultText(harness.Run("typeof(Microsoft.FSharp.Core.Unit).Assembly.GetName().Version").Outputs));
    }

    [Fact]
    public void ANewerFSharpCoreFirst_ThenPlotlyNet_ResolveTogether()
    {
        var harness = new SessionHarness();
        var (result, outputs) = harness.Run($"#r \"nuget: FSharp.Core, 11.0.101\"\n{PlotlyNet}\n"
            + "typeof(Microsoft.FSharp.Core.Unit).Assembly.GetName().Version");
        Assert.True(result.Succeeded, Errors(outputs));
        Assert.Equal("11.0.0.0", SessionHarness.ResultText(outputs));
    }
}
