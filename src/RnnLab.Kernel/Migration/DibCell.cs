namespace RnnLab.Kernel.Migration;

/// <summary>One cell of a .dib file: the kernel that runs it (csharp, fsharp, markdown, ...) and its text.</summary>
public sealed record DibCell(string KernelName, string Source);
