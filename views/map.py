"""Bản đồ: communes at their coordinates coloured by criteria met; a click opens the commune's profile."""

import streamlit as st

import navigation
import ui
import ui_layout
from ntm import chart_clicks, metrics
from ntm import map as commune_map

f, cur, version, lang = ui.page_start()
period_label, scores = ui.scores_or_stop(f, cur, version, "map.title")
n = metrics.n_criteria(cur, f.set_id)
data = commune_map.points(cur, scores)
if data.empty:
    ui.empty("map.no_coordinates")
    st.stop()
(clicked,) = ui_layout.chart(
    commune_map.figure(data, n, ui.tr("map.chart_title", unit=f.scope.name, period=period_label), lang),
    "commune_map",
    "ban-do-xa",
    on_select="rerun",
    selection_mode="points",
)
st.caption(ui.tr("map.help", missing=len(scores) - len(data)))
if (code := chart_clicks.picked(clicked)) is not None:
    navigation.open_commune(code, came_from="views/map.py")
