using RnnLab.Kernel.Directives;
using RnnLab.Kernel.Execution;
using RnnLab.Testing;

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
        // NU1101 is NuGet's "no such package"; on failure show everything NuGet said instead.
        Assert.True(error.Value.Contains("NU1101", StringComparison.Ordinal), "expected NU1101 in:\n" + error.Value);
        Assert.True(harness.Run("1").Result.Succeeded);
    }

    [Fact]
    public void ProjectChangedAfterLoading_ReRunSaysToRestart_AndKeepsTheLoadedBuild()
    {
        string folder = Runner.TestNotebookFolder.Create();
        var harness = new SessionHarness(folder);
        const string cell = "#:project GreetingLib\nGreetingLib.Greeter.Greet(\"a\")";
        var (result, outputs) = harness.Run(cell);
        Assert.True(result.Succeeded, string.Join("\n", outputs.OfType<ErrorOutput>().SelectMany(e => e.Traceback)));
        Assert.Equal("Hello from a #:project library, a!", SessionHarness.ResultText(outputs));
        // Re-running while nothing changed is silent.
        Assert.DoesNotContain(harness.Run(cell).Outputs.OfType<StreamOutput>(), s => s.Name == "stderr");

        string source = Path.Combine(folder, "GreetingLib", "Greeter.cs");
        File.WriteAllText(source, File.ReadAllText(source).Replace("Hello from", "Changed:"));
        (result, outputs) = harness.Run(cell);
        Assert.True(result.Succeeded);
        var warning = Assert.Single(outputs.OfType<StreamOutput>(), s => s.Name == "stderr");
        Assert.Equal("#:project GreetingLib: the project changed after this kernel loaded it; cells keep using the loaded build. "
            + "Restart the kernel to use the new one.\n", warning.Text);
        Assert.Equal("Hello from a #:project library, a!", SessionHarness.ResultText(outputs));
    }

    [Fact]
    public void Package_WithANativeLibrary_RestoresFromALocalFeed_ThenFromTheCacheWithoutIt()
    {
        // A package whose DllImport lives in runtimes/linux-x64/native (a copy of libzmq under another name).
        Requires.Tool(File.Exists(JupyterEnvironment.LibZmq), "libzmq", "apt-get install libzmq5");
        Assert.SkipUnless(OperatingSystem.IsLinux() && PortableRuntimeIdentifier.Current == "linux-x64", "the test package carries a linux-x64 library");
        string root = Directory.CreateTempSubdirectory("rnnlab-native-package-").FullName;
        string feed = PackNativePackage(root);
        string cache = Path.Combine(root, "cache");
        string notebooks = Path.Combine(root, "notebooks");
        Directory.CreateDirectory(Path.Combine(notebooks, "no-feed"));
        // Only local folders as sources: no network, as in a workshop room.
        File.WriteAllText(Path.Combine(notebooks, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="empty" value="{Path.Combine(notebooks, "no-feed")}" /></packageSources>
            </configuration>
            """);

        var first = new SessionHarness(notebooks, cache);
        var (result, outputs) = first.Run($"#i \"nuget: {feed}\"\n#r \"nuget: RnnLab.Test.NativeVersion, 1.0.0\"\nNativeVersion.Zmq.Version()");
        Assert.True(result.Succeeded, string.Join("\n", outputs.OfType<ErrorOutput>().SelectMany(e => e.Traceback)));
        Assert.Matches(@"^4\.\d+\.\d+$", SessionHarness.ResultText(outputs));

        // The package is in the kernel's cache now: a new session restores nothing, so the feed can go.
        Directory.Delete(feed, recursive: true);
        var second = new SessionHarness(notebooks, cache);
        (result, outputs) = second.Run("#:package RnnLab.Test.NativeVersion@1.0.0\nNativeVersion.Zmq.Version()");
        Assert.True(result.Succeeded, string.Join("\n", outputs.OfType<ErrorOutput>().SelectMany(e => e.Traceback)));
        Assert.Matches(@"^4\.\d+\.\d+$", SessionHarness.ResultText(outputs));
    }

    [Fact]
    public void ARestoreCutOffHalfWay_IsRepairedByTheNextPackageLine()
    {
        Requires.Tool(File.Exists(JupyterEnvironment.LibZmq), "libzmq", "apt-get install libzmq5");
        Assert.SkipUnless(OperatingSystem.IsLinux() && PortableRuntimeIdentifier.Current == "linux-x64", "the test package carries a linux-x64 library");
        string root = Directory.CreateTempSubdirectory("rnnlab-repair-").FullName;
        string feed = PackNativePackage(root);
        string packages = Path.Combine(root, "global-packages");
        string notebooks = Path.Combine(root, "notebooks");
        Directory.CreateDirectory(notebooks);
        // A global packages folder of its own, so the test can break it without touching the machine's.
        File.WriteAllText(Path.Combine(notebooks, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{packages}" /></config>
              <packageSources><clear /><add key="feed" value="{feed}" /></packageSources>
            </configuration>
            """);
        string cache = Path.Combine(root, "cache");
        const string cell = "#r \"nuget: RnnLab.Test.NativeVersion, 1.0.0\"\nNativeVersion.Zmq.Version()";
        Assert.True(new SessionHarness(notebooks, cache).Run(cell).Result.Succeeded);

        // What a restore stopped half-way leaves: NuGet's folder without the package (NuGet extracts, then marks it done).
        Directory.Delete(Path.Combine(packages, "rnnlab.test.nativeversion"), recursive: true);
        var (result, outputs) = new SessionHarness(notebooks, cache).Run(cell);
        Assert.True(result.Succeeded, string.Join("\n", outputs.OfType<ErrorOutput>().SelectMany(e => e.Traceback)));
        Assert.Matches(@"^4\.\d+\.\d+$", SessionHarness.ResultText(outputs));
        Assert.True(File.Exists(Path.Combine(packages, "rnnlab.test.nativeversion", "1.0.0", "runtimes", "linux-x64", "native", "libnativeversion.so")));
    }

    /// <summary>dotnet pack of a one-class library with a native asset; returns the feed folder.</summary>
    private static string PackNativePackage(string root)
    {
        string source = Path.Combine(root, "package-source");
        string feed = Path.Combine(root, "feed");
        Directory.CreateDirectory(source);
        File.Copy(JupyterEnvironment.LibZmq, Path.Combine(source, "libnativeversion.so"));
        File.WriteAllText(Path.Combine(source, "RnnLab.Test.NativeVersion.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Version>1.0.0</Version>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <None Include="libnativeversion.so" Pack="true" PackagePath="runtimes/linux-x64/native/" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(source, "Zmq.cs"), """
            using System.Runtime.InteropServices;
            namespace NativeVersion;
            public static class Zmq
            {
                [DllImport("nativeversion")] private static extern void zmq_version(out int major, out int minor, out int patch);
                public static string Version() { zmq_version(out int a, out int b, out int c); return $"{a}.{b}.{c}"; }
            }
            """);
        // The kernel's own runner: it keeps the test host's MSBuild variables away from the child build.
        var (exitCode, output) = ProcessRunner.Run(ProcessRunner.DotnetHost(), ["pack", "-o", feed, "-nologo", "-v:q", "-nodeReuse:false"],
            source, TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, output);
        return feed;
    }
}
