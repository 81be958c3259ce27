using System.Diagnostics;
using System.Globalization;
using RnnLab.Kernel.Notebooks;

namespace RnnLab.Kernel;

/// <summary>`run`: finds the notebooks named (files or folders) and executes them in-process.</summary>
public static class RunCommand
{
    public const string Usage =
        "run [--output-dir DIR] [--allow-errors] [--timeout SECONDS] [--html] <notebook.ipynb|folder>...";

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

    /// <summary>Runs the command; returns the exit code (0 all ran, 1 a notebook failed, 2 bad usage).</summary>
    public static int Execute(string[] args, TextWriter output)
    {
        var options = new RunOptions();
        var targets = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--allow-errors":
                    options = options with { AllowErrors = true };
                    break;
                case "--html":
                    options = options with { Html = true };
                    break;
                case "--output-dir" when i + 1 < args.Length:
                    options = options with { OutputDirectory = args[++i] };
                    break;
                case "--timeout" when i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out double seconds) && seconds > 0:
                    options = options with { CellTimeout = TimeSpan.FromSeconds(seconds) };
                    i++;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    output.WriteLine($"unknown or incomplete option '{option}'; usage: {Usage}");
                    return 2;
                default:
                    targets.Add(args[i]);
                    break;
            }
        }
        if (targets.Count == 0) targets.Add("notebooks");

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

        int failures = 0;
        for (int index = 0; index < notebooks.Count; index++)
        {
            string notebook = notebooks[index];
            var clock = Stopwatch.StartNew();
            output.Write($"{notebook} ... ");
            output.Flush();
            NotebookRunResult result;
            try
            {
                result = NotebookRunner.Run(notebook, options);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
            {
                result = new NotebookRunResult(notebook, 0, null, e.Message, null);
            }
            if (result.Succeeded)
                output.WriteLine($"ok ({result.CellsExecuted} cells, {clock.Elapsed.TotalSeconds:0.0} s) -> {result.WrittenTo}");
            else
            {
                failures++;
                output.WriteLine($"FAILED\n{result.Failure}");
            }
            if (result.LeftCellRunning)
            {
                // Its thread may still print, allocate or hold native state: the next notebook would not start clean.
                int skipped = notebooks.Count - index - 1;
                output.WriteLine($"A cell of {notebook} is still running; the {skipped} notebook(s) after it were not run.");
                failures += skipped;
                break;
            }
        }
        output.WriteLine($"{notebooks.Count - failures} of {notebooks.Count} notebook(s) ran.");
        return failures == 0 ? 0 : 1;
    }
}
