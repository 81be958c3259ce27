namespace RnnLab.Plots.Tests;

/// <summary>
/// Byte-for-byte comparison with a committed golden. With UPDATE_GOLDEN=1 the golden is rewritten
/// instead (review the diff in git). A mismatch names the first differing line and leaves the
/// actual output in the temp folder.
/// </summary>
public static class GoldenFile
{
    public const string UpdateCommand = "UPDATE_GOLDEN=1 dotnet test tests/RnnLab.Plots.Tests";

    public static void Check(string path, string actual)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No golden {path}. Create it with: {UpdateCommand}");
        string expected = File.ReadAllText(path);
        if (expected == actual) return;

        string actualPath = Path.Combine(Path.GetTempPath(), $"rnnlab-plots-{Path.GetFileNameWithoutExtension(path)}.actual.svg");
        File.WriteAllText(actualPath, actual);
        Assert.Fail($"{Path.GetFileName(path)} differs from its golden at {FirstDifference(expected, actual)}. "
            + $"Actual written to {actualPath}; compare with: diff {path} {actualPath}. If the change is intended: {UpdateCommand}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n'), a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end of file>", al = i < a.Length ? a[i] : "<end of file>";
            if (el != al) return $"line {i + 1}:\n  golden: {Clip(el)}\n  actual: {Clip(al)}\n";
        }
        return "the end of the file";
    }

    private static string Clip(string line) => line.Length <= 200 ? line : line[..200] + "…";
}
