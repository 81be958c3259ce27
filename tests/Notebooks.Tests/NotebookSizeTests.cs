namespace Notebooks.Tests;

/// <summary>
/// Saved notebooks stay small enough to review, diff and open on GitHub: each chart carries one SVG and its figure
/// JSON (no plotly.js, no template copies per figure), and a live chart keeps only its final frame.
/// </summary>
public class NotebookSizeTests
{
    private const long MaxBytes = 1024 * 1024;

    [Theory]
    [MemberData(nameof(CommittedNotebooks.All), MemberType = typeof(CommittedNotebooks))]
    public void CommittedNotebook_IsAtMostOneMegabyte(string name)
    {
        long bytes = new FileInfo(Path.Combine(CommittedNotebooks.Folder, name)).Length;
        Assert.True(bytes <= MaxBytes, $"{name} is {bytes / 1024.0:F0} KB; a committed notebook may be at most {MaxBytes / 1024} KB");
    }
}
