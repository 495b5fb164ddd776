"""Plotly figures for the pages, built with graph_objects (plotly.express costs ~50 ms a figure).

Status colours are the Okabe-Ito colour-blind-safe palette, the same on every page.
Titles name unit and period; hover text is in the UI language.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from ntm import plain
from ntm.i18n import fmt_number, t

STATUS_COLORS = {"met": "#0072B2", "basically_met": "#E69F00", "not_met": "#D55E00", "no_report": "#C8C8C8"}
STATUS_ORDER = ["met", "basically_met", "not_met", "no_report"]
ACCENT = "#009E73"


def _layout(fig: go.Figure, title: str, lang: str, height: int = 380) -> go.Figure:
    # The top margin holds the title (in the PNG download; the page shows it as a heading and hides it, so that
    # the toolbar sits there instead) and, above the plot, a legend when there is more than one trace.
    legend = sum(trace.showlegend is not False for trace in fig.data) > 1
    set_layout(
        fig,
        title={"text": title, "x": 0, "y": 0.99, "yanchor": "top", "font": {"size": 16}},
        height=height,
        margin={"l": 10, "r": 10, "t": 66 if legend else 40, "b": 10},
        separators=",." if lang == "vi" else ".,",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        plot_bgcolor="white",
    )
    set_layout(fig, xaxis={"gridcolor": "#eee"}, yaxis={"gridcolor": "#eee"})
    room_for_labels(fig)
    return plain.chart(fig)  # names come from users' files: labels are plain text, never HTML


NAME_PX = 5.4  # px a character of a 12 px tick label (Vietnamese names measured at 5,1-5,3 px), with a little spare


def room_for_labels(fig: go.Figure) -> go.Figure:
    """Margins set before plotly draws: on the left for the names of the y axis (horizontal bars, heatmaps), at the
    bottom for the x axis's title under the plot, on the right for a heatmap's colour bar. Plotly still widens a
    margin its labels need (``automargin``), but each widening draws the whole chart again: every chart was drawn
    twice, from margins of 10 px (the compare page of 454 xã: 0,4 s of chromium's time a switch)."""
    names = [
        str(v)
        for trace in fig.data
        if (trace.type == "heatmap" or (trace.type == "bar" and trace.orientation == "h")) and trace.y is not None
        for v in trace.y
    ]
    if not names:
        return fig
    margin = fig.layout.margin
    room = {"l": 36 + math.ceil(NAME_PX * max(len(name) for name in names))}
    if fig.layout.xaxis.title.text and fig.layout.xaxis.side != "top":
        room["b"] = 65
    if any(trace.type == "heatmap" and trace.showscale is not False for trace in fig.data):
        room["r"] = 130
    return set_layout(fig, margin={side: max(margin[side] or 0, px) for side, px in room.items()})


def set_layout(fig: go.Figure, **props) -> go.Figure:
    """``fig.update_layout(**props)`` for a figure of one pair of axes, without plotly's relayout machinery
    (3-10 ms a property, against well under 1 ms to assign it): a property not set yet is assigned whole, a dict
    into a part of the layout that already has values is merged into it key by key."""
    _merge(fig.layout, props)
    return fig


def _merge(part, props: dict) -> None:
    for key, value in props.items():
        current = part[key]
        if isinstance(value, dict) and hasattr(current, "to_plotly_json") and current.to_plotly_json():
            _merge(current, value)  # a part with values: merged key by key, as update_layout merges
        else:
            part[key] = value


def yearly_trend(
    yearly: pd.DataFrame,
    unit_name: str,
    lang: str,
    set_names: dict[str, str] | None = None,
    breaks: tuple[tuple[int, str, str], ...] | list[tuple[int, str, str]] = (),
) -> go.Figure:
    """Average criteria per commune by year, one trace per criteria set (sets are not joined); each set change
    is marked by a dashed line and a label."""
    fig = go.Figure()
    names = set_names or {}
    for set_id, part in yearly.groupby("set_id", sort=False):
        label = names.get(set_id, set_id)
        fig.add_trace(
            go.Scatter(
                x=part["year"],
                y=part["average_met"],
                mode="lines+markers+text",
                name=label,
                text=[fmt_number(v, lang) for v in part["average_met"]],
                textposition="top center",
                hovertemplate=t("chart.hover_year_avg", lang) + "<extra>" + label + "</extra>",
            )
        )
    for year, _, _ in breaks:
        fig.add_vline(x=year - 0.5, line_dash="dash", line_color="#888888")
        fig.add_annotation(
            x=year - 0.5,
            y=0,
            yref="paper",
            text=t("set.break_marker", lang),
            showarrow=False,
            font={"size": 10},
            xanchor="left",
            yanchor="bottom",
        )
    fig.update_xaxes(dtick=1, title=t("chart.year", lang))
    fig.update_yaxes(title=t("chart.avg_axis", lang), rangemode="tozero")
    return _layout(fig, t("chart.trend_title", lang, unit=unit_name), lang)


def distribution_bar(dist: pd.DataFrame, title: str, lang: str) -> go.Figure:
    labels = [t("bin.label", lang, label=b) for b in dist["bin"]]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=dist["communes"],
            marker_color=ACCENT,
            text=dist["communes"],
            textposition="outside",
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    fig.update_yaxes(title=t("chart.communes_axis", lang), rangemode="tozero")
    return _layout(fig, title, lang)


def ranking_bar(ranking: pd.DataFrame, highlight: str | None, title: str, lang: str) -> go.Figure:
    data = ranking.sort_values("average_met")
    colors = [ACCENT if d == highlight else "#7f9c8f" for d in data["district"]]
    fig = go.Figure(
        go.Bar(
            x=data["average_met"],
            y=data["district"],
            orientation="h",
            marker_color=colors,
            text=[fmt_number(v, lang) for v in data["average_met"]],
            textposition="outside",
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_xaxes(title=t("chart.avg_axis", lang), rangemode="tozero")
    return _layout(fig, title, lang, height=max(300, 28 * len(data) + 100))


def communes_bar(scores: pd.DataFrame, n: int, title: str, lang: str) -> go.Figure:
    data = scores.sort_values(["met", "name"], ascending=[True, False])
    colors = [STATUS_COLORS["met"] if m == n else ACCENT for m in data["met"]]
    fig = go.Figure(
        go.Bar(
            x=data["met"],
            y=data["name"],
            orientation="h",
            marker_color=colors,
            text=data["met"],
            textposition="outside",
            hovertemplate="%{y}: %{x}/" + str(n) + "<extra></extra>",
        )
    )
    fig.update_xaxes(title=t("col.met", lang), range=[0, n + 1.5])
    return _layout(fig, title, lang, height=max(300, 22 * len(data) + 100))


def status_heatmap(
    matrix: pd.DataFrame, order: list[str], criteria_names: dict[int, str], title: str, lang: str
) -> go.Figure:
    """Communes × criteria coloured by status (categorical via a stepped colour scale)."""
    codes = {s: i for i, s in enumerate(STATUS_ORDER)}
    wide = matrix.assign(v=matrix["status"].map(codes)).pivot_table(index="name", columns="criterion_no", values="v")
    wide = wide.reindex([n for n in order if n in wide.index])
    labels = (
        matrix.assign(label=matrix["status"].map(lambda s: t(f"status.{s}", lang)))
        .pivot_table(index="name", columns="criterion_no", values="label", aggfunc="first")
        .reindex(wide.index)
    )
    k = len(STATUS_ORDER)
    scale = []
    for i, status in enumerate(STATUS_ORDER):
        scale += [[i / k, STATUS_COLORS[status]], [(i + 1) / k, STATUS_COLORS[status]]]
    fig = go.Figure(
        go.Heatmap(
            z=wide.values,
            x=[str(c) for c in wide.columns],
            y=list(wide.index),
            zmin=-0.5,
            zmax=k - 0.5,
            colorscale=scale,
            showscale=False,
            xgap=2,
            ygap=2,
            customdata=labels.values,
            text=[[criteria_names.get(int(c), "") for c in wide.columns]] * len(wide),
            hovertemplate="%{y} – " + t("chart.criterion", lang) + " %{x} %{text}: %{customdata}<extra></extra>",
        )
    )
    for status in STATUS_ORDER:  # legend entries for the categorical colours
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=t(f"status.{status}", lang),
                marker={"size": 12, "color": STATUS_COLORS[status], "symbol": "square"},
            )
        )
    fig.update_xaxes(title=t("chart.criterion", lang), side="top", type="category")
    fig.update_yaxes(autorange="reversed", type="category")
    fig = _layout(fig, title, lang, height=max(320, 24 * len(wide) + 170))
    # the criterion numbers sit on top: the legend goes right under the grid, where it covers nothing (at y = 0:
    # a fraction below it would grow with the grid, 220 px under Thanh Hóa's 454 rows), in a margin made for it
    return fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": 0, "x": 0}, margin={"t": 80, "b": 40})


def criterion_rates_bar(rates: pd.DataFrame, title: str, lang: str) -> go.Figure:
    data = rates.sort_values("rate")
    name_col = "name_en" if lang == "en" else "name_vi"
    labels = [f"{int(r.criterion_no)}. {getattr(r, name_col)}" for r in data.itertuples()]
    fig = go.Figure(
        go.Bar(
            x=data["rate"] * 100,
            y=labels,
            orientation="h",
            marker_color=ACCENT,
            text=[fmt_number(v * 100, lang, 0) + " %" for v in data["rate"]],
            textposition="outside",
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_xaxes(title=t("chart.rate_axis", lang), range=[0, 112])
    return _layout(fig, title, lang, height=max(320, 24 * len(data) + 100))


def commune_trend(
    history: pd.DataFrame, n_by_set: dict[str, int], title: str, lang: str, set_names: dict[str, str] | None = None
) -> go.Figure:
    fig = go.Figure()
    names = set_names or {}
    for set_id, part in history.groupby("set_id", sort=False):
        label = names.get(set_id, set_id)
        fig.add_trace(
            go.Scatter(
                x=part["period"],
                y=part["met"],
                mode="lines+markers",
                name=label,
                line_shape="hv",
                hovertemplate="%{x|%m/%Y}: %{y}/" + str(n_by_set.get(set_id, "")) + "<extra>" + label + "</extra>",
            )
        )
    starts = history.groupby("set_id", sort=False)["period"].min().sort_values()
    for day in list(starts)[1:]:
        fig.add_vline(x=pd.Timestamp(day).timestamp() * 1000, line_dash="dash", line_color="#888888")
    fig.update_yaxes(title=t("col.met", lang), range=[0, max(n_by_set.values(), default=19) + 1])
    fig.update_xaxes(tickformat="%-m/%Y" if lang != "en" else "%b %Y")  # "7/2025", never "Jul 2025" in Vietnamese
    return _layout(fig, title, lang)


# Progress status (ntm.progress): one colour code everywhere, Okabe-Ito again.
PROGRESS_COLORS = {
    "achieved": "#0072B2",
    "on_track": "#009E73",
    "needs_acceleration": "#E69F00",
    "limited": "#CC79A7",
    "regressing": "#D55E00",
    "overdue": "#4D4D4D",
    "no_data": "#C8C8C8",
}


def target_gap_bar(entries: list[dict], title: str, lang: str) -> go.Figure:
    """One bar per target commune: criteria met out of the set's total, coloured by progress status."""
    fig = go.Figure()
    rows = list(reversed(entries))
    labels = [f"{e.name} ({t('level.' + e.level, lang)})" for e in rows]
    for status in PROGRESS_COLORS:
        picked = [(label, e) for label, e in zip(labels, rows) if e.status == status]
        if not picked:
            continue
        fig.add_trace(
            go.Bar(
                x=[e.criteria_met if e.criteria_met is not None else 0 for _, e in picked],
                y=[label for label, _ in picked],
                orientation="h",
                name=t(f"progress.{status}", lang),
                marker_color=PROGRESS_COLORS[status],
                text=[
                    f"{e.criteria_met}/{e.criteria_total}"
                    if e.criteria_met is not None
                    else t("progress.no_data", lang)
                    for _, e in picked
                ],
                textposition="outside",
                hovertemplate="%{y}: %{text}<extra>" + t(f"progress.{status}", lang) + "</extra>",
            )
        )
    fig.update_xaxes(title=t("col.met", lang), range=[0, 22])
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=labels)
    return _layout(fig, title, lang, height=max(300, 30 * len(rows) + 130))


def last_mile_bar(counts: pd.Series, names: dict[int, str], title: str, lang: str) -> go.Figure:
    """How many near-complete communes miss each criterion."""
    data = counts.sort_values()
    labels = [f"{int(c)}. {names.get(int(c), '')}" for c in data.index]
    fig = go.Figure(
        go.Bar(
            x=data.values,
            y=labels,
            orientation="h",
            marker_color=PROGRESS_COLORS["needs_acceleration"],
            text=data.values,
            textposition="outside",
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    # whole communes on the axis: a step of 1 while counts are small (plotly would step 0,2 communes)
    small = len(data) > 0 and float(data.max()) <= 8
    fig.update_xaxes(
        title=t("chart.communes_axis", lang), rangemode="tozero", tickformat=",d", dtick=1 if small else None
    )
    return _layout(fig, title, lang, height=max(260, 28 * len(data) + 110))


def rates_by_year_heatmap(rates: pd.DataFrame, criteria_names: dict[int, str], title: str, lang: str) -> go.Figure:
    """Criteria × years, the share of communes meeting each (a sequential, colour-blind-safe scale)."""
    wide = rates.pivot_table(index="criterion_no", columns="year", values="rate").sort_index(ascending=False)
    labels = [f"{int(c)}. {criteria_names.get(int(c), '')}" for c in wide.index]
    text = [[fmt_number(v * 100, lang, 0) + " %" for v in row] for row in wide.values]
    fig = go.Figure(
        go.Heatmap(
            z=wide.values * 100,
            x=[str(y) for y in wide.columns],
            y=labels,
            zmin=0,
            zmax=100,
            colorscale="Blues",
            text=text,
            texttemplate="%{text}",
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": t("chart.rate_axis", lang)}, "thickness": 12},
            hovertemplate="%{y} – %{x}: %{text}<extra></extra>",
        )
    )
    fig.update_xaxes(type="category", side="top")
    fig = _layout(fig, title, lang, height=max(320, 26 * len(wide) + 120))
    return fig.update_layout(margin={"t": 64})  # the years on top, under the title
