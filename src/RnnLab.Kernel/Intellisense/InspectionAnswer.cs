namespace RnnLab.Kernel.Intellisense;

/// <summary>An inspect_reply: found or not, and a MIME bundle (text/plain, text/markdown) describing the symbol.</summary>
public sealed record InspectionAnswer(bool Found, IReadOnlyDictionary<string, string> Data)
{
    public static readonly InspectionAnswer NotFound = new(false, new Dictionary<string, string>());
}
