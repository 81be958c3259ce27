using RnnLab.Kernel.Directives;
using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Tests.Execution;

public class DirectiveTests
{
    [Fact]
    public void Parser_BlanksDirectiveLines_KeepingLineNumbers()
    {
        var parsed = DirectiveParser.Parse("#r \"lib/a.dll\"\n#r \"nuget: Foo.Bar, 1.2.3\"\n#:package Baz@2.0.0\n#i \"nuget: ./feed\"\n#:project ../src/RnnLab\n#region x\nvar a = 1;\n#endregion");
        Assert.Equal("\n\n\n\n\n#region x\nvar a = 1;\n#endregion", parsed.Code);
        Assert.Equal<Directive>(
            [
                new AssemblyReferenceDirective(1, "lib/a.dll"),
                new PackageReferenceDirective(2, "Foo.Bar", "1.2.3"),
                new PackageReferenceDirective(3, "Baz", "2.0.0"),
                new PackageSourceDirective(4, "./feed"),
                new ProjectReferenceDirective(5, "../src/RnnLab"),
            ], parsed.Directives);
    }

    [Fact]
    public void MissingAssembly_IsAClearError_AndTheSessionGoesOn()
    {
        var harness = new SessionHarness();
        var (result, outputs) = harness.Run("#r \"nowhere/missing.dll\"\n1");
        Assert.False(result.Succeeded);
        var error = Assert.Single(outputs.OfType<ErrorOutput>());
        Assert.Equal("DirectiveError", error.Name);
        Assert.Contains("no assembly at 'nowhere/missing.dll'", error.Value);
        Assert.True(harness.Run("2").Result.Succeeded);
    }

    [Fact]
    public void AssemblyReference_RelativeToTheNotebookFolder_IsUsable()
    {
        var harness = new SessionHarness();
        string lib = Path.Combine(harness.WorkingDirectory, "lib");
        Directory.CreateDirectory(lib);
        File.Copy(typeof(DirectiveTests).Assembly.Location, Path.Combine(lib, "CopiedTests.dll"));
        var (result, outputs) = harness.Run("#r \"lib/CopiedTests.dll\"\ntypeof(RnnLab.Kernel.Tests.Execution.DirectiveTests).Name");
        Assert.True(result.Succeeded, string.Join("\n", outputs.OfType<ErrorOutput>().SelectMany(e => e.Traceback)));
        Assert.Equal("DirectiveTests", SessionHarness.ResultText(outputs));
    }

    [Fact]
    public void UnknownPackage_WhileOffline_IsAClearError()
    {
        var harness = new SessionHarness();
        // Only an empty local folder as package source: NuGet answers at once without any network.
        string feed = Path.Combine(harness.WorkingDirectory, "empty-feed");
        Directory.CreateDirectory(feed);
        File.WriteAllText(Path.Combine(harness.WorkingDirectory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="empty" value="{feed}" /></packageSources>
            </configuration>
            """);
        var (result, outputs) = harness.Run("#r \"nuget: RnnLab.No.Such.Package, 9.9.9\"");
        Assert.False(result.Succeeded);
        var error = Assert.Single(outputs.OfType<ErrorOutput>());
        Assert.Equal("DirectiveError", error.Name);
        Assert.Contains("Could not restore NuGet package RnnLab.No.Such.Package 9.9.9", error.Value);
        Assert.Contains("NU1101", error.Value);
        Assert.True(harness.Run("1").Result.Succeeded);
    }
}
