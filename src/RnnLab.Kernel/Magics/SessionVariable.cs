namespace RnnLab.Kernel.Magics;

/// <summary>A variable the cells have defined so far (the latest declaration of each name).</summary>
public sealed record SessionVariable(string Name, Type Type, object? Value);
