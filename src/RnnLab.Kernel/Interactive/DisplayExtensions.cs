namespace RnnLab.Kernel.Interactive;

/// <summary><c>value.Display()</c>, as in .NET Interactive notebooks.</summary>
public static class DisplayExtensions
{
    public static DisplayHandle Display(this object? value) => Notebook.Display(value);
}
