namespace RnnLab.Plots;

/// <summary>
/// Plotly.NET's <c>Title</c> object, so <c>.WithXAxisStyle(Title.init("epoch"))</c> ports as is.
/// A plain string works everywhere a Title does.
/// </summary>
public sealed record Title(string Text)
{
    /// <summary>Plotly.NET's spelling of the constructor.</summary>
    public static Title init(string Text) => new(Text);
}
