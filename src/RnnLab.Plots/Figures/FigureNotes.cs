namespace RnnLab.Plots.Figures;

/// <summary>
/// What the static picture could not show the way plotly.js would. <see cref="Visible"/> notes
/// are printed under the chart (data left out: NaN gaps, values a log axis cannot show, trace
/// types not drawn); <see cref="Hidden"/> ones (settings ignored) go into an SVG comment.
/// </summary>
internal sealed class FigureNotes
{
    private readonly List<string> _visible = [];
    private readonly SortedSet<string> _hidden = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Visible => _visible;

    public IReadOnlyCollection<string> Hidden => _hidden;

    public void Show(string note)
    {
        if (!_visible.Contains(note)) _visible.Add(note);
    }

    public void Ignored(string setting) => _hidden.Add(setting);
}
