namespace RnnLab.Kernel.Packages;

/// <summary>A package a session asked for: from a <c>#r "nuget: ..."</c> line (version optional) or a project's closure.</summary>
public sealed record PackageRequest(string Id, string? Version)
{
    /// <summary>As NuGet writes a version range in a PackageReference: a minimum, or the newest when none is given.</summary>
    public string VersionRange => Version ?? "*";

    public override string ToString() => Version is null ? Id : $"{Id} {Version}";
}
