using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Notebooks.Tests.Twins;

/// <summary>
/// The PyTorch twins in notebooks/pytorch that state claims: every script that accepts `--claims` is run with it
/// (Debian's python3-torch) and prints one JSON object, {"notebook": file name, "claims": [{"expression", "value",
/// "rtol"?, "atol"?, "why"?}]}. Run once per test process; a script that fails or prints anything else is an error.
/// </summary>
public static class TwinScripts
{
    public const string Python = "/usr/bin/python3";

    public static string Folder => Path.Combine(CommittedNotebooks.Folder, "pytorch");

    private static readonly Lazy<IReadOnlyList<TwinClaim>> AllClaims = new(() => [.. ClaimingScripts().SelectMany(RunScript)]);

    /// <summary>Every script whose source handles the `--claims` flag.</summary>
    public static IEnumerable<string> ClaimingScripts() =>
        Directory.GetFiles(Folder, "*.py").Order(StringComparer.Ordinal).Where(f => File.ReadAllText(f).Contains("--claims", StringComparison.Ordinal));

    public static IReadOnlyList<TwinClaim> ClaimsFor(string notebook) => [.. AllClaims.Value.Where(c => c.Notebook == notebook)];

    public static IReadOnlyList<TwinClaim> Parse(string twin, string json)
    {
        JsonObject root;
        try { root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("not a JSON object"); }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
        {
            throw new InvalidDataException($"{twin} --claims must print one JSON object; it printed:\n{json}", e);
        }
        string notebook = (string?)root["notebook"] ?? throw new InvalidDataException($"{twin} --claims names no \"notebook\"");
        var claims = root["claims"] as JsonArray ?? throw new InvalidDataException($"{twin} --claims has no \"claims\" list");
        return [.. claims.OfType<JsonObject>().Select(c => new TwinClaim(
            twin, notebook,
            (string?)c["expression"] ?? throw new InvalidDataException($"{twin}: a claim without \"expression\": {c.ToJsonString()}"),
            c["value"]?.DeepClone() ?? throw new InvalidDataException($"{twin}: a claim without \"value\": {c.ToJsonString()}"),
            (double?)c["rtol"] ?? TwinClaim.DefaultRtol,
            (double?)c["atol"] ?? TwinClaim.DefaultAtol,
            (string?)c["why"]))];
    }

    private static IReadOnlyList<TwinClaim> RunScript(string script)
    {
        string twin = Path.GetFileName(script);
        var info = new ProcessStartInfo(Python, [script, "--claims"])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(entireProcessTree: true); throw new TimeoutException($"{twin} --claims ran over 5 minutes"); }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{twin} --claims exited with {process.ExitCode}:\n{stderr.Result}");
        return Parse(twin, stdout);
    }
}
