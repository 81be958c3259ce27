namespace RnnLab.Kernel.Interactive;

/// <summary>
/// Members every cell can call unqualified (Roslyn script globals). Lower-case display matches
/// .NET Interactive and IPython so existing notebooks keep working.
/// </summary>
public class KernelGlobals
{
    /// <summary>Shows a value as its own output; the handle's Update replaces it in place.</summary>
    public DisplayHandle display(object? value) => Notebook.Display(value);

    /// <summary>Markup rendered as HTML when displayed or returned from a cell.</summary>
    public HtmlContent HTML(string html) => new(html);

    /// <summary>Markdown rendered by the front end when displayed or returned from a cell.</summary>
    public MarkdownContent Markdown(string markdown) => new(markdown);

    /// <summary>Asks the user for a line of text in the front end (Jupyter's input box).</summary>
    public string input(string prompt = "") => Current().ReadLine(prompt, password: false);

    /// <summary>Like <see cref="input"/>, with the typed text hidden.</summary>
    public string password(string prompt = "") => Current().ReadLine(prompt, password: true);

    private static Execution.CellOutputChannel Current() =>
        Execution.CellOutputChannel.Current ?? throw new InvalidOperationException("input() works only inside a running cell.");

    /// <summary>Clears this cell's outputs (with wait: when the next output arrives).</summary>
    public void ClearOutput(bool wait = false) => Notebook.ClearOutput(wait);
}
