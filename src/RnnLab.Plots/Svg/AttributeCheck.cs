using System.Text.Json;
using RnnLab.Plots.Figures;

namespace RnnLab.Plots.Svg;

/// <summary>
/// Lists figure settings that would change the picture but that this renderer does not draw, for
/// the SVG comment. Interaction-only settings (hover, click, drag, ids) do not change a static
/// picture and are not listed.
/// </summary>
internal static class AttributeCheck
{
    private static readonly HashSet<string> InteractionOnly = new(StringComparer.Ordinal)
    {
        "hoverinfo", "hovertemplate", "hovertext", "hoverlabel", "hoveron", "hoverongaps", "customdata", "meta", "uid",
        "ids", "xhoverformat", "yhoverformat", "zhoverformat", "selectedpoints", "selected", "unselected", "legendrank",
        "legendgroup", "legendgrouptitle", "legendwidth", "uirevision", "stream", "hovermode", "dragmode", "clickmode",
        "hoverdistance", "spikedistance", "selectdirection", "editrevision", "datarevision", "modebar", "transition",
        "autosize", "newshape", "activeshape", "selections", "newselection", "computed", "separators", "calendar",
        "xcalendar", "ycalendar", "alignmentgroup", "offsetgroup", "fixedrange", "showspikes", "spikecolor",
        "spikethickness", "spikedash", "spikemode", "spikesnap", "hoverformat", "rangeselector", "template",
        "autotypenumbers", "editable", "name", "visible", "xperiodalignment", "yperiodalignment", "textsrc",
    };

    private static readonly HashSet<string> TraceKeys = new(StringComparer.Ordinal)
    {
        "type", "x", "y", "z", "mode", "line", "marker", "xaxis", "yaxis", "showlegend", "opacity", "orientation",
        "colorscale", "reversescale", "showscale", "colorbar", "zmin", "zmax", "zmid", "zauto", "autocolorscale",
        "x0", "dx", "y0", "dy", "connectgaps", "transpose", "xgap", "ygap", "width",
    };

    private static readonly HashSet<string> LayoutKeys = new(StringComparer.Ordinal)
    {
        "width", "height", "margin", "font", "title", "paper_bgcolor", "plot_bgcolor", "colorway", "showlegend", "legend",
        "grid", "annotations", "shapes", "barmode", "bargap", "bargroupgap", "colorscale",
    };

    private static readonly HashSet<string> AxisKeys = new(StringComparer.Ordinal)
    {
        "type", "range", "autorange", "domain", "anchor", "title", "showgrid", "gridcolor", "gridwidth", "zeroline",
        "zerolinecolor", "zerolinewidth", "showline", "linecolor", "linewidth", "showticklabels", "ticks", "ticklen",
        "tickwidth", "tickcolor", "tickfont", "tickmode", "tickvals", "ticktext", "dtick", "tick0", "nticks",
        "scaleanchor", "scaleratio", "constrain", "categoryorder", "categoryarray", "side", "automargin", "rangemode",
        "color", "position",
    };

    public static void Check(Figure figure, FigureNotes notes)
    {
        foreach (var trace in figure.Traces.Where(t => t.IsDrawnType && t.Visible))
            Unknown(trace.Style.Own, TraceKeys, $"data[{trace.Index}].", notes);
        if (figure.Layout.Own is not { ValueKind: JsonValueKind.Object } layout) return;
        foreach (var member in layout.EnumerateObject())
        {
            if (AxisId.FromLayoutKey(member.Name) is not null) Unknown(member.Value, AxisKeys, $"layout.{member.Name}.", notes);
            else if (!LayoutKeys.Contains(member.Name) && !InteractionOnly.Contains(member.Name) && Sets(member.Value))
                notes.Ignored("layout." + member.Name);
        }
    }

    private static void Unknown(JsonElement? container, HashSet<string> known, string prefix, FigureNotes notes)
    {
        if (container is not { ValueKind: JsonValueKind.Object } obj) return;
        foreach (var member in obj.EnumerateObject())
            if (!known.Contains(member.Name) && !InteractionOnly.Contains(member.Name) && Sets(member.Value))
                notes.Ignored(prefix + member.Name);
    }

    /// <summary>Whether a value sets anything: Plotly.NET writes empty objects such as <c>"marker": {}</c>.</summary>
    private static bool Sets(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => false,
        JsonValueKind.Object => value.EnumerateObject().Any(m => Sets(m.Value)),
        JsonValueKind.Array => value.EnumerateArray().Any(Sets),
        _ => true,
    };
}
