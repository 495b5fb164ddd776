"""Figures for villages, levels and resources (plotly graph_objects, the palette of ``ntm.charts``)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ntm.charts import ACCENT, _layout
from ntm.i18n import fmt_number, fmt_percent, t

LEVEL_COLORS = {"standard": "#0072B2", "advanced": "#009E73", "model": "#CC79A7"}


def _step(counts: pd.Series) -> int | None:
    """Whole-number ticks: a step of 1 while counts are small (plotly would label 0,5 … as 0, 1, 1)."""
    return 1 if len(counts) and float(counts.max()) <= 8 else None


def _short(text: str, most: int = 24) -> str:
    """A long quantity name cut for a phone-width axis (the full name is in the hover text)."""
    return text if len(text) <= most else text[: most - 1].rstrip(" ,") + "…"


def level_trend(trend: pd.DataFrame, title: str, lang: str, kind: str = "commune") -> go.Figure:
    """Units at each level, year by year (grouped bars; a level without a set that year is left out)."""
    fig = go.Figure()
    names = {level: t(f"levels.{level}", lang) for level in ("standard", "advanced", "model")}
    if kind == "village":
        names["model"] = t("levels.village_model", lang)
    for level in ("standard", "advanced", "model"):
        part = trend[(trend["level"] == level) & trend["count"].notna()]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=part["year"],
                y=part["count"],
                name=names[level],
                marker_color=LEVEL_COLORS[level],
                text=[f"{int(c)}" for c in part["count"]],
                textposition="outside",
                customdata=[fmt_percent(s, lang, 0) for s in part["share"]],
                hovertemplate="%{x}: %{y} (%{customdata})<extra>" + names[level] + "</extra>",
            )
        )
    fig.update_layout(barmode="group")
    fig.update_xaxes(dtick=1, title=t("chart.year", lang))
    fig.update_yaxes(
        title=t("levels.count_axis", lang), rangemode="tozero", tickformat=",d", dtick=_step(trend["count"].dropna())
    )
    return _layout(fig, title, lang)


def villages_by_commune(table: pd.DataFrame, title: str, lang: str) -> go.Figure:
    """Per commune: villages at standard (model among them) and the rest, stacked."""
    data = table.sort_values(["at_standard", "commune"], ascending=[True, False])
    fig = go.Figure()
    parts = (
        ("model", data["model"], LEVEL_COLORS["model"]),
        ("standard_only", data["at_standard"] - data["model"], LEVEL_COLORS["standard"]),
        ("not_yet", data["villages"] - data["at_standard"], "#C8C8C8"),
    )
    for key, values, color in parts:
        fig.add_trace(
            go.Bar(
                y=data["commune"],
                x=values,
                orientation="h",
                name=t(f"villages.bar_{key}", lang),
                marker_color=color,
                hovertemplate="%{y}: %{x}<extra>" + t(f"villages.bar_{key}", lang) + "</extra>",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title=t("villages.axis", lang), rangemode="tozero")
    return _layout(fig, title, lang, height=max(320, 26 * len(data) + 120))


def plan_progress(figs: list, title: str, lang: str) -> go.Figure:
    """Year to date as a share of the year's plan, one bar per quantity that has a plan."""
    rows = [f for f in figs if f.plan_share is not None]
    rows.sort(key=lambda f: f.plan_share)
    fig = go.Figure(
        go.Bar(
            x=[100 * f.plan_share for f in rows],
            y=[_short(f.quantity.name(lang)) for f in rows],
            customdata=[f.quantity.name(lang) for f in rows],
            orientation="h",
            marker_color=[ACCENT if f.plan_share >= 1 else "#0072B2" for f in rows],
            text=[fmt_percent(f.plan_share, lang, 0) for f in rows],
            textposition="outside",
            hovertemplate="%{customdata}: %{text}<extra></extra>",
        )
    )
    fig.add_vline(x=100, line_dash="dot", line_color="#555")
    fig.update_xaxes(title=t("resources.axis", lang), rangemode="tozero")
    return _layout(fig, title, lang, height=max(320, 26 * len(rows) + 120))


def advanced_distribution(dist: pd.DataFrame, title: str, lang: str) -> go.Figure:
    fig = go.Figure(
        go.Bar(
            x=[t("bin.label", lang, label=b) for b in dist["bin"]],
            y=dist["communes"],
            marker_color=LEVEL_COLORS["advanced"],
            text=[fmt_number(v, lang, 0) for v in dist["communes"]],
            textposition="outside",
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    fig.update_yaxes(
        title=t("chart.communes_axis", lang), rangemode="tozero", tickformat=",d", dtick=_step(dist["communes"])
    )
    return _layout(fig, title, lang)
