using RnnLab.Kernel.Execution;

namespace RnnLab.Kernel.Tests.Execution;

/// <summary>
/// Displays registered with .NET Interactive's formatting API, written the way Polyglot notebooks and TorchSharp's
/// C# tutorials write them. The Formatter is process-wide and a new session resets it, hence the collection.
/// </summary>
[Collection(ProcessWideStateCollection.Name)]
public class FormatterRegistrationTests
{
    private const string Celsius = """
        using Microsoft.DotNet.Interactive.Formatting;
        public record Celsius(double Degrees)
        {
            public override string ToString() => "ToString, not the registration";
        }
        """;

    private static Dictionary<string, string> Shown(List<CellOutput> outputs) =>
        new(Assert.Single(outputs.OfType<ExecuteResultOutput>()).Data);

    [Fact]
    public void RegisteredFormatters_WinOverToString_OnePerMimeType()
    {
        var harness = new SessionHarness();
        Assert.True(harness.Run(Celsius).Result.Succeeded);
        var (result, outputs) = harness.Run("""
            Formatter.Register<Celsius>(c => $"{c.Degrees} °C", "text/plain");
            Formatter.Register<Celsius>(c => $"<b>{c.Degrees} °C</b>", "text/html");
            Formatter.Register<Celsius>(c => $"{{\"degrees\": {c.Degrees}}}", "application/json");
            new Celsius(21.5)
            """);
        Assert.True(result.Succeeded, string.Join("\n", outputs.OfType<ErrorOutput>().SelectMany(e => e.Traceback)));
        var data = Shown(outputs);
        Assert.Equal("21.5 °C", data[MimeTypes.PlainText]);
        Assert.Equal("<b>21.5 °C</b>", data[MimeTypes.Html]);
        // No preference was set: every registered MIME type shows, not only the package's default text/html.
        Assert.Equal("{\"degrees\": 21.5}", data["application/json"]);
        Assert.Equal(3, data.Count);
    }

    [Fact]
    public void TheLatestRegistration_AndTheMostSpecificType_Win()
    {
        var harness = new SessionHarness();
        harness.Run(Celsius);
        var (_, outputs) = harness.Run("""
            Formatter.Register<object>(o => "any object", "text/plain");
            Formatter.Register<Celsius>(c => "first", "text/plain");
            Formatter.Register<Celsius>(c => "second", "text/plain");
            display(new Celsius(1));
            display(new Uri("https://example.org/"));
            """);
        var shown = outputs.OfType<DisplayDataOutput>().Select(d => d.Data[MimeTypes.PlainText]).ToList();
        Assert.Equal(["second", "any object"], shown);
    }

    [Fact]
    public void PreferredMimeTypes_NarrowTheBundle_ButTextPlainStays()
    {
        var harness = new SessionHarness();
        harness.Run(Celsius);
        var (_, outputs) = harness.Run("""
            Formatter.Register<Celsius>(c => "<i>html</i>", "text/html");
            Formatter.Register<Celsius>(c => "\"json\"", "application/json");
            Formatter.SetPreferredMimeTypesFor(typeof(Celsius), "text/html");
            new Celsius(3)
            """);
        var data = Shown(outputs);
        Assert.Equal(["text/html", "text/plain"], data.Keys.Order(StringComparer.Ordinal));
        // No text/plain registration: the kernel's own text, which for a type with its own ToString is that.
        Assert.Equal("ToString, not the registration", data[MimeTypes.PlainText]);
    }

    [Fact]
    public void AThrowingFormatter_ShowsAShortError_AndThePlainText_AndTheSessionGoesOn()
    {
        var harness = new SessionHarness();
        harness.Run(Celsius);
        var (result, outputs) = harness.Run("""
            Formatter.Register<Celsius>(c => throw new InvalidOperationException("no thermometer"), "text/html");
            new Celsius(4)
            """);
        Assert.True(result.Succeeded);
        var data = Shown(outputs);
        Assert.Equal(["text/plain"], data.Keys);
        string stderr = string.Concat(outputs.OfType<StreamOutput>().Where(s => s.Name == "stderr").Select(s => s.Text));
        Assert.Equal("display: the text/html formatter registered for Celsius threw InvalidOperationException: no thermometer; "
            + "showing the value without it.\n", stderr);
        var (next, nextOutputs) = harness.Run("new Celsius(5).Degrees + 1");
        Assert.True(next.Succeeded);
        Assert.Equal("6", SessionHarness.ResultText(nextOutputs));
    }

    [Fact]
    public void TypeFormatterSourceAttributes_AreNotHonoured_RegistrationsAre()
    {
        // Plotly.NET 6 marks GenericChart like this; its HTML formatter writes the literal text "LOL!".
        var harness = new SessionHarness();
        Assert.True(harness.Run("""
            using Microsoft.DotNet.Interactive.Formatting;
            public class LolSource : ITypeFormatterSource
            {
                public IEnumerable<ITypeFormatter> CreateTypeFormatters() =>
                    [new FormatterSource<Chart>.Html()];
            }
            public static class FormatterSource<T>
            {
                public class Html : ITypeFormatter
                {
                    public string MimeType => "text/html";
                    public Type Type => typeof(T);
                    public bool Format(object value, FormatContext context) { context.Writer.Write("LOL!"); return true; }
                }
            }
            [TypeFormatterSource(typeof(LolSource))]
            public class Chart { public override string ToString() => "a chart"; }
            """).Result.Succeeded);
        var before = Shown(harness.Run("new Chart()").Outputs);
        Assert.Equal("a chart", before[MimeTypes.PlainText]);
        Assert.DoesNotContain(before.Values, v => v.Contains("LOL!"));

        var after = Shown(harness.Run("""
            Formatter.Register<Chart>(c => "<svg/>", "text/html");
            new Chart()
            """).Outputs);
        Assert.Equal("<svg/>", after[MimeTypes.Html]);
    }

    [Fact]
    public void ANewSession_StartsWithoutTheRegistrationsOfTheLastOne()
    {
        var first = new SessionHarness();
        first.Run(Celsius);
        first.Run("Formatter.Register<double>(d => \"registered double\", \"text/plain\");");
        Assert.Equal("registered double", SessionHarness.ResultText(first.Run("1.5").Outputs));

        var second = new SessionHarness();
        Assert.Equal("1.5", SessionHarness.ResultText(second.Run("1.5").Outputs));
    }
}
