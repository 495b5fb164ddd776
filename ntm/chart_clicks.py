"""Making chart elements clickable for drill-down. Plotly's heatmaps cannot be selected, so a layer of invisible
markers, one per cell, carries what a click opens (a commune's statistics code) in its ``customdata``."""

from __future__ import annotations

import html
from typing import Literal

import numpy as np
import plotly.graph_objects as go


def cell_layer(fig: go.Figure, keys_by_row: dict[str, str], along: Literal["y", "x"] = "y") -> go.Figure:
    """Over the first heatmap of ``fig``: one invisible, selectable marker per cell whose ``customdata`` is the
    key of its row (``keys_by_row``: row label → key), or of its column with ``along="x"`` (the heatmap turned
    for a phone). The markers take over the heatmap's hover label (a click needs the hover event, which the
    heatmap would otherwise keep)."""
    heat = next(trace for trace in fig.data if trace.type == "heatmap")
    xs, ys, keys, texts, labels = [], [], [], [], []
    columns, text, custom = heat.x, heat.text, heat.customdata  # read once: each read of a trace's property costs
    for i, y in enumerate(heat.y):
        for j, x in enumerate(columns):
            xs.append(x)
            ys.append(y)
            label = y if along == "y" else x
            keys.append(keys_by_row.get(html.unescape(str(label)), ""))  # labels are escaped for plotly
            texts.append(_cell(text, i, j))
            labels.append(_cell(custom, i, j))
    fig.add_trace(
        go.Scatter(  # object arrays, not lists: plotly checks a list element by element (one per cell)
            x=np.array(xs, dtype=object),
            y=np.array(ys, dtype=object),
            customdata=np.array(keys, dtype=object),
            text=np.array(texts, dtype=object),
            hovertext=np.array(labels, dtype=object),
            hovertemplate=(heat.hovertemplate or "%{y} %{x}").replace("%{customdata}", "%{hovertext}"),
            mode="markers",
            marker={"size": 18, "opacity": 0.01, "color": "#000", "symbol": "square"},
            showlegend=False,
            name="",
            unselected={"marker": {"opacity": 0.01}},
            selected={"marker": {"opacity": 0.01}},
        )
    )
    heat.hoverinfo = "skip"
    heat.hovertemplate = None
    fig.update_layout(clickmode="event+select", dragmode=False, hovermode="closest")
    return fig


def _cell(grid, i: int, j: int) -> str:
    try:
        value = grid[i][j]
    except (TypeError, IndexError):
        return ""
    return "" if value is None or value != value else str(value)


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
