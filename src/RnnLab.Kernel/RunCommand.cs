namespace RnnLab.Kernel;

/// <summary>`run`: finds the notebooks named (files or folders) and executes them in-process.</summary>
public static class RunCommand
{
    /// <summary>Expands folders into their *.ipynb files (sorted, excluding checkpoints and student copies).</summary>
    public static IReadOnlyList<string> FindNotebooks(IEnumerable<string> targets)
    {
        var found = new List<string>();
        foreach (string target in targets)
        {
            if (Directory.Exists(target))
                found.AddRange(Directory.EnumerateFiles(target, "*.ipynb", SearchOption.TopDirectoryOnly)
                    .Where(p => !p.Contains(".ipynb_checkpoints", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal));
            else if (File.Exists(target)) found.Add(target);
            else throw new FileNotFoundException($"no notebook or folder at '{target}'", target);
        }
        return found;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Execute(string[] args, TextWriter output)
    {
        string[] targets = args.Length == 0 ? ["notebooks"] : args;
        IReadOnlyList<string> notebooks;
        try
        {
            notebooks = FindNotebooks(targets);
        }
        catch (FileNotFoundException e)
        {
            output.WriteLine(e.Message);
            return 2;
        }
        if (notebooks.Count == 0)
        {
            output.WriteLine($"No notebooks found in {string.Join(", ", targets)}: nothing to run.");
            return 0;
        }
        output.WriteLine($"Found {notebooks.Count} notebook(s), but the runner is not built yet: nothing was executed.");
        return 1;
    }
}
