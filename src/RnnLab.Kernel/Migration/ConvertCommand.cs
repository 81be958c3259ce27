using RnnLab.Kernel.Notebooks;

namespace RnnLab.Kernel.Migration;

/// <summary>`convert &lt;in.ipynb|in.dib&gt; [-o out.ipynb]`: a Polyglot / .NET Interactive notebook for this kernel.</summary>
public static class ConvertCommand
{
    public const string Usage = "convert <notebook.ipynb|notebook.dib> [-o out.ipynb]";

    /// <summary>Returns the exit code: 0 converted, 1 unreadable input, 2 bad usage.</summary>
    public static int Execute(string[] args, TextWriter output)
    {
        string? input = null, target = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "-o" or "--output" && i + 1 < args.Length) target = args[++i];
            else if (input is null && !args[i].StartsWith('-')) input = args[i];
            else
            {
                output.WriteLine($"unexpected argument '{args[i]}'; usage: {Usage}");
                return 2;
            }
        }
        if (input is null)
        {
            output.WriteLine($"usage: {Usage}");
            return 2;
        }
        bool isDib = input.EndsWith(".dib", StringComparison.OrdinalIgnoreCase);
        // A .ipynb is migrated in place unless -o says otherwise; a .dib becomes the .ipynb beside it.
        target ??= isDib ? Path.ChangeExtension(input, ".ipynb") : input;
        var notes = new List<string>();
        try
        {
            var notebook = isDib
                ? NotebookMigration.ConvertDib(File.ReadAllText(input), notes)
                : NotebookMigration.ConvertIpynb(NotebookJson.Load(input), notes);
            string? folder = Path.GetDirectoryName(Path.GetFullPath(target));
            if (folder is not null) Directory.CreateDirectory(folder);
            NotebookJson.Save(notebook, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            output.WriteLine($"cannot convert '{input}': {e.Message}");
            return 1;
        }
        output.WriteLine($"{input} -> {target} (kernel {KernelIdentity.KernelName})");
        foreach (var (note, count) in notes.CountBy(n => n)) output.WriteLine(count == 1 ? $"  {note}" : $"  {note} (x{count})");
        return 0;
    }
}
