"""Making chart elements clickable for drill-down. Plotly's heatmaps cannot be selected, so a layer of invisible
markers, one per cell, carries what a click opens (a commune's statistics code) in its ``customdata``."""

from __future__ import annotations

import plotly.graph_objects as go


def cell_layer(fig: go.Figure, keys_by_row: dict[str, str]) -> go.Figure:
    """Over the first heatmap of ``fig``: one invisible, selectable marker per cell whose ``customdata`` is the
    key of its row (``keys_by_row``: row label → key). Hover stays with the heatmap."""
    heat = next(trace for trace in fig.data if trace.type == "heatmap")
    xs, ys, keys = [], [], []
    for y in heat.y:
        for x in heat.x:
            xs.append(x)
            ys.append(y)
            keys.append(keys_by_row.get(y, ""))
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            customdata=keys,
            mode="markers",
            marker={"size": 18, "opacity": 0.01, "color": "#000", "symbol": "square"},
            hoverinfo="skip",
            showlegend=False,
            name="",
            unselected={"marker": {"opacity": 0.01}},
            selected={"marker": {"opacity": 0.01}},
        )
    )
    fig.update_layout(clickmode="event+select", dragmode=False)
    return fig


def picked(event, field: str = "customdata"):
    """The ``field`` of the first selected point of a ``st.plotly_chart(on_select=...)`` event, or None."""
    points = (event or {}).get("selection", {}).get("points", []) if isinstance(event, dict) else []
    if not points and hasattr(event, "selection"):
        points = event.selection.get("points", [])
    for point in points:
        value = point.get(field)
        if isinstance(value, list):
            value = value[0] if value else None
        if value not in (None, ""):
            return value
    return None
