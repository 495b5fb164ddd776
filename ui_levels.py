"""Streamlit glue for the three levels (standard, advanced, model) drawn as one picture, for communes and
villages: the overview and the levels page both show it. Nothing here computes a figure (``ntm.levels``)."""

from __future__ import annotations

import streamlit as st

import ui
import ui_figures
import ui_layout
from ntm import charts_counts, levels
from ntm.i18n import fmt_percent


def three_levels(f: ui.Filters, cur, version: tuple, lang: str, *, trend: bool = True) -> None:
    """Cards with count and share at each level for communes and villages, and the trend by year."""
    for kind in ("commune", "village"):
        counts = ui.query(levels.level_counts, cur, version, f.scope, f.period, kind, f.layer)
        if not counts[0].base or all(c.count is None for c in counts):
            continue
        st.markdown(f"**{ui.tr(f'levels.kind.{kind}', base=counts[0].base)}**")
        cards = st.columns(3)
        for card, count in zip(cards, counts):
            label = ui.tr(
                "levels.village_model" if kind == "village" and count.level == "model" else f"levels.{count.level}"
            )
            if count.count is None:
                card.metric(
                    label, "–", border=True, help=ui.tr("levels.no_set", kind=ui.tr(f"levels.kind_word.{kind}"))
                )
                continue
            card.metric(
                label,
                f"{count.count}/{count.base}",
                delta=fmt_percent(count.share, lang, 1),
                delta_color="off",
                delta_arrow="off",
                border=True,
                help=ui.tr("levels.card_help", set_id=count.set_id),
            )
        if trend:
            history = ui.query(levels.level_trend, cur, version, f.scope, kind, f.layer)
            if len(history) and history["count"].notna().any():
                title = ui.tr(f"levels.trend_title.{kind}", unit=f.scope.name)
                fig = ui_figures.kept(charts_counts.level_trend, history, title, lang, kind)
                ui_layout.chart(fig, f"levels-{kind}")
    st.caption(ui.tr("levels.note"))
