using System.Text.Json;

namespace RnnLab.Plots.Figures;

/// <summary>
/// One plotly.js container seen through its template: a setting comes from the figure's own
/// object first, then from the template's matching object (<c>layout.template.layout.xaxis</c> for
/// every x axis, <c>layout.template.data.heatmap[k]</c> for a heatmap trace, ...), as plotly.js
/// applies templates. Callers supply plotly.js's default when neither sets a value.
/// </summary>
internal readonly struct StyleChain(JsonElement? own, JsonElement? template)
{
    public JsonElement? Own { get; } = own;

    public JsonElement? Template { get; } = template;

    /// <summary>The value at a dotted path: the figure's own if set, else the template's.</summary>
    public JsonElement? Find(string path) => Own.Path(path) ?? Template.Path(path);

    public double? Number(string path) => Find(path).AsNumber();

    public string? String(string path) => Find(path).AsString();

    public bool? Bool(string path) => Find(path).AsBool();

    /// <summary>A colour at a path, parsed; null when unset or not a colour.</summary>
    public CssColor? Color(string path) => CssColor.Parse(Find(path).AsString());

    /// <summary>The chain one level down (<c>"marker"</c>, <c>"title.font"</c>).</summary>
    public StyleChain Child(string path) => new(Own.Path(path), Template.Path(path));

    /// <summary>
    /// A title's text: plotly.js accepts <c>"title": "text"</c> as well as <c>"title": {"text": ...}</c>.
    /// Never from the template: a template's title object carries style, not words.
    /// </summary>
    public string? TitleText(string path = "title") =>
        Own.Path(path) is { ValueKind: JsonValueKind.String } plain ? plain.GetString() : Own.Path(path + ".text").AsString();
}
