namespace RnnLab.Kernel.Directives;

/// <summary>A line of a cell that configures the session instead of being C#.</summary>
public abstract record Directive(int Line);

/// <summary><c>#r "path.dll"</c>: a direct assembly reference (relative to the notebook's folder).</summary>
public sealed record AssemblyReferenceDirective(int Line, string Path) : Directive(Line);

/// <summary><c>#r "nuget: Id, Version"</c> or <c>#:package Id@Version</c>; a null version floats to the newest.</summary>
public sealed record PackageReferenceDirective(int Line, string Id, string? Version) : Directive(Line);

/// <summary><c>#i "nuget: source"</c>: an extra package source (URL or folder) for later package references.</summary>
public sealed record PackageSourceDirective(int Line, string Source) : Directive(Line);

/// <summary><c>#:project path</c>: build a project (or the one project in a folder) and reference its output.</summary>
public sealed record ProjectReferenceDirective(int Line, string Path) : Directive(Line);

/// <summary><c>#!time</c>, <c>#!who</c>, <c>#!whos</c>, <c>#!lsmagic</c>: report on the cell or the session.</summary>
public sealed record MagicDirective(int Line, string Name) : Directive(Line);

/// <summary><c>#!html</c> or <c>#!markdown</c>: the rest of the cell is shown as that content.</summary>
public sealed record ContentMagicDirective(int Line, string Name, string Content) : Directive(Line);
