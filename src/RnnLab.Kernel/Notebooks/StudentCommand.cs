namespace RnnLab.Kernel.Notebooks;

/// <summary>`student [NOTEBOOKS_DIR] [OUTPUT_DIR]`: writes the workshop copies (exercise stubs, no outputs).</summary>
public static class StudentCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Execute(string[] args, TextWriter output)
    {
        if (args.Length > 2)
        {
            output.WriteLine("usage: RnnLab.Kernel student [NOTEBOOKS_DIR] [OUTPUT_DIR]   (defaults: notebooks notebooks/student)");
            return 2;
        }
        string notebooks = args.Length > 0 ? args[0] : "notebooks";
        string destination = args.Length > 1 ? args[1] : Path.Combine(notebooks, "student");
        if (!Directory.Exists(notebooks))
        {
            output.WriteLine($"no notebooks folder at '{notebooks}'");
            return 2;
        }
        IReadOnlyList<string> written = StudentCopies.Generate(notebooks, destination);
        output.WriteLine($"Wrote {written.Count} student notebook(s) to {destination}.");
        return 0;
    }
}
