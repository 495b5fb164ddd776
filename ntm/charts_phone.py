"""Phone-width (390 px) versions of the figures of ``ntm.charts``: long axis labels cut (the hover keeps them
whole), text beside bars kept inside the picture, colour bars under the plot, and the status heatmap turned so
that the criteria are the rows and the communes the columns, a few communes a figure.

Each function takes what the wide figure was built from (or the wide figure) and returns new figures; the wide
one is left as it was.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ntm import chart_clicks, charts, plain
from ntm.i18n import t

LABEL_CHARS = 20  # an axis label longer than this is cut on a phone (about 110 px of 390)
COMMUNES_PER_FIGURE = 18  # columns of the turned heatmap: 18 × 18 px beside the criterion numbers fit 390 px


def short(text: str, most: int = LABEL_CHARS) -> str:
    """``text`` cut to at most ``most`` characters with "…", at a word's end where one is not too far back (a label
    already escaped for plotly stays escaped)."""
    raw = html.unescape(text)
    if len(raw) <= most:
        return text
    cut = raw[: most - 1]
    if " " in cut[most // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return str(plain.label(cut.rstrip(" ,.-–") + "…"))


def narrow(fig: go.Figure, most: int = LABEL_CHARS) -> go.Figure:
    """A copy of ``fig`` laid out for a phone: category labels of the value axis of horizontal bars and heatmaps cut
    to ``most`` characters, text outside bars allowed into a right margin, a heatmap's colour bar laid flat under
    the plot, small side margins."""
    phone = go.Figure(fig)
    labels: list[str] = []
    for trace in phone.data:
        horizontal = trace.type == "bar" and trace.orientation == "h"
        if (horizontal or trace.type == "heatmap") and trace.y is not None:
            labels += [str(v) for v in trace.y if str(v) not in labels]
        if trace.type == "bar" and trace.textposition == "outside":
            trace.cliponaxis = False
        if trace.type == "heatmap" and trace.showscale is not False:
            trace.colorbar = {"orientation": "h", "y": -0.02, "yanchor": "top", "thickness": 10, "len": 1}
    if any(len(html.unescape(label)) > most for label in labels):
        phone.update_yaxes(tickmode="array", tickvals=labels, ticktext=[short(label, most) for label in labels])
    margin = phone.layout.margin
    phone.update_layout(margin={"l": 4, "r": 36, "t": margin.t, "b": max(margin.b or 0, 10)}, font={"size": 11})
    if any(trace.type == "heatmap" and trace.showscale is not False for trace in phone.data):
        phone.update_layout(margin={"b": 70}, height=(phone.layout.height or 380) + 60)
    return phone


def _chunks(total: int, most: int) -> list[tuple[int, int]]:
    """``total`` items cut into equal runs of at most ``most`` (17 → one run; 40 → 14, 13, 13)."""
    if total == 0:
        return []
    parts = math.ceil(total / most)
    size, longer = divmod(total, parts)  # the first ``longer`` runs take one more
    runs, start = [], 0
    for i in range(parts):
        end = start + size + (i < longer)
        runs.append((start, end))
        start = end
    return runs


def status_columns(
    matrix: pd.DataFrame,
    order: list[str],
    criteria_names: dict[int, str],
    title: str,
    lang: str,
    per_figure: int = COMMUNES_PER_FIGURE,
) -> list[go.Figure]:
    """The status heatmap of ``charts.status_heatmap`` turned for a phone: one row per criterion (1 at the top),
    one column per commune (their names written upwards above the grid), ``per_figure`` communes a figure in
    ``order``; the colour legend under the last figure."""
    return _turned(charts.status_heatmap(matrix, order, criteria_names, title, lang).data[0], criteria_names, title,
                   lang, per_figure)  # fmt: skip


def clickable_status_heatmap(
    matrix: pd.DataFrame,
    order: list[str],
    criteria_names: dict[int, str],
    title: str,
    lang: str,
    keys_by_row: dict[str, str],
) -> go.Figure:
    """The status heatmap (``charts.status_heatmap``) with its layer of clickable cells carrying the commune's key
    (``chart_clicks.cell_layer``)."""
    return chart_clicks.cell_layer(charts.status_heatmap(matrix, order, criteria_names, title, lang), keys_by_row)


def clickable_status_columns(
    matrix: pd.DataFrame,
    order: list[str],
    criteria_names: dict[int, str],
    title: str,
    lang: str,
    keys_by_row: dict[str, str],
) -> list[go.Figure]:
    """Its phone parts (``status_columns``), each with its layer of clickable cells (a column's commune)."""
    return [
        chart_clicks.cell_layer(part, keys_by_row, along="x")
        for part in status_columns(matrix, order, criteria_names, title, lang)
    ]


def _turned(wide, criteria_names: dict[int, str], title: str, lang: str, per_figure: int) -> list[go.Figure]:
    """``status_columns`` from the wide heatmap's trace."""
    communes = [html.unescape(str(c)) for c in wide.y]  # raw again: ``charts._layout`` escapes them once
    criteria = list(wide.x)
    z = np.array(wide.z, dtype=float)
    status = np.vectorize(lambda s: html.unescape(s) if isinstance(s, str) else s, otypes=[object])(
        np.array(wide.customdata, dtype=object)
    )
    names = [criteria_names.get(int(c), "") for c in criteria]
    runs = _chunks(len(communes), per_figure)
    figures = []
    for i, (start, end) in enumerate(runs):
        columns = communes[start:end]
        fig = go.Figure(
            go.Heatmap(
                z=z[start:end].T,
                x=columns,
                y=criteria,
                zmin=wide.zmin,
                zmax=wide.zmax,
                colorscale=wide.colorscale,
                showscale=False,
                xgap=2,
                ygap=2,
                customdata=status[start:end].T,
                text=[[name] * len(columns) for name in names],
                hovertemplate="%{x} – " + t("chart.criterion", lang) + " %{y} %{text}: %{customdata}<extra></extra>",
            )
        )
        last = i == len(runs) - 1
        for key in charts.STATUS_ORDER if last else ():  # the colours' legend, once, under the last grid
            fig.add_trace(
                go.Scatter(
                    x=[None],
                    y=[None],
                    mode="markers",
                    name=t(f"status.{key}", lang),
                    marker={"size": 11, "color": charts.STATUS_COLORS[key], "symbol": "square"},
                )
            )
        longest = max((len(c) for c in columns), default=8)
        top = 40 + 6 * min(longest, 24)  # the title (in the PNG) and the names written upwards
        bottom = 56 if last else 4  # the legend
        part = title if len(runs) == 1 else f"{title} ({i + 1}/{len(runs)})"
        fig = charts._layout(fig, part, lang, height=18 * len(criteria) + top + bottom)
        fig.update_xaxes(side="top", type="category", tickangle=-90, automargin=True, title=None)
        fig.update_yaxes(autorange="reversed", type="category", title=t("chart.criterion", lang), dtick=1)
        fig.update_layout(
            margin={"l": 4, "r": 4, "t": top, "b": bottom},
            font={"size": 11},
            showlegend=last,
            legend={"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0},
        )
        figures.append(fig)
    return figures
