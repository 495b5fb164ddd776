"""Hồ sơ xã: one commune's criteria over time, current status, how long each gap has lasted, uploads."""

import pandas as pd
import streamlit as st

import navigation
import ui
import ui_figures
import ui_layout
from ntm import (
    audit,
    catalog,
    charts,
    comparison,
    layers,
    lineage,
    loads,
    metrics,
    movements,
    pace_words,
    periods,
    progress,
    recognition_merger,
    targets,
    today_view,
    units,
    upload_words,
)
from ntm import history as hist
from ntm.i18n import fmt_date, fmt_period
from ntm.text import sort_key

f, cur, version, lang = ui.page_start()
ui.province_or_stop(f)
matrix = ui.query(hist.status_matrix, cur, version, f.scope, f.period, f.set_id, f.layer, f.lens)
choices = sorted(
    matrix[["unit_id", "code", "name", "district"]].drop_duplicates().itertuples(index=False),
    key=lambda r: (sort_key(r.district if isinstance(r.district, str) else ""), sort_key(r.name)),
)
if not choices:
    ui.empty(
        "common.no_reports",
        unit=f.scope.name,
        period=fmt_period(f.period.text, lang),
        set_id=catalog.set_label(f.set_id, lang, cur),
    )
    st.stop()
# The URL names the commune by its statistics code (stable across databases), never by a list position.
# Communes entered by users (a historical unit) have no code: they are named by their id ("u123").
keys = [str(r.code) if isinstance(r.code, str) and r.code else f"u{int(r.unit_id)}" for r in choices]
labels = {k: f"{r.name} ({r.district})" if isinstance(r.district, str) else r.name for k, r in zip(keys, choices)}
unit_ids = {k: int(r.unit_id) for k, r in zip(keys, choices)}
codes = list(labels)
navigation.commune_choice(codes)
st.selectbox(ui.tr("profile.commune"), codes, key="commune", format_func=labels.get, on_change=navigation.keep_commune)
st.query_params["commune"] = st.session_state["commune"]
unit = ui.query(units.get, cur, version, unit_ids[st.session_state["commune"]])
st.title(ui.md("profile.title", name=unit.name))
navigation.back_link()

history = ui.query(today_view.commune_history, cur, version, unit, f.layer, f.rule)
later = history[pd.to_datetime(history["period"]).dt.date > f.period.end] if len(history) else history
history = history.drop(later.index)  # the profile as of the sidebar's period: nothing reported after it
ancestry = ui.query(lineage.ancestry, cur, version, unit)  # every link read: once per data version
came_from = [u for u, depth in ancestry if depth == 1]
if came_from:
    earlier = [u.short_name for u, depth in ancestry if depth > 1]  # merged into a predecessor before
    names = ", ".join(u.short_name for u in came_from) + (f" ({', '.join(earlier)})" if earlier else "")
    st.info(
        ui.tr("profile.predecessors", name=unit.name, count=len(came_from), names=names)
        + " "
        + ui.tr(f"rule.note.{f.rule}").capitalize()
        + ".",
        icon=":material/merge:",
    )
    for d in ui.query(recognition_merger.predecessor_decisions, cur, version, unit):
        st.caption(
            ui.tr(
                "profile.predecessor_decision",
                commune=d.commune,
                level=ui.tr("level." + d.level),
                decision=d.decision_no,
                date=fmt_date(d.decision_date, lang),
            )
        )
went_into = ui.query(lineage.successors_today, cur, version, unit)
if went_into and went_into != [unit]:
    st.info(
        ui.tr("profile.successor", name=unit.name, names=", ".join(u.name for u in went_into)),
        icon=":material/call_merge:",
    )
if history.empty:
    if len(later):
        ui.empty("profile.no_history_until", period=fmt_period(f.period.text, lang))
    else:
        ui.empty("profile.no_history")
    st.stop()
n_by_set = {s: ui.query(metrics.n_criteria, cur, version, s) for s in history["set_id"].unique()}
last = history.iloc[-1]
st.markdown(
    ui.md(
        "profile.latest",
        met=int(last["met"]),
        n=n_by_set[last["set_id"]],
        period=fmt_period(last["period"], lang),
        set_id=catalog.set_label(last["set_id"], lang, cur),
    )
)
by_layer = ui.query(layers.results, cur, version, unit, last["period"], last["set_id"])
if len(by_layer) > 1:  # self-assessed and appraised side by side: "xã tự đánh giá 19, huyện thẩm định 18"
    st.markdown(layers.sentence(by_layer, last["period"], lang))
    for column, result in zip(st.columns(len(by_layer)), by_layer):
        column.metric(
            ui.tr("layer." + result.layer).capitalize(), f"{result.met}/{n_by_set[last['set_id']]}", border=True
        )
set_names = comparison.set_names(cur, history["set_id"].unique(), lang)
ui_layout.chart(
    ui_figures.kept(
        charts.commune_trend, history, n_by_set, ui.tr("profile.trend_title", name=unit.name), lang, set_names
    ),
    "commune_trend",
)

st.subheader(ui.md("profile.status_title", period=fmt_period(last["period"], lang)))
crit = ui.query(catalog.criteria, cur, version, last["set_id"])
since = movements.unmet_since(history)
statuses = dict(last["statuses"])
name_col, dept_col = ("name_en", "department_en") if lang == "en" else ("name_vi", "department_vi")
table = pd.DataFrame(
    {
        ui.tr("chart.criterion"): crit["criterion_no"],
        ui.tr("criteria.name"): crit[name_col],
        ui.tr("profile.status"): [ui.tr("status." + statuses.get(c, "not_met")) for c in crit["criterion_no"]],
        ui.tr("profile.unmet_since"): [fmt_period(since[c], lang) if c in since else "" for c in crit["criterion_no"]],
        ui.tr("criteria.department"): crit[dept_col].fillna("–"),
    }
)
navigation.table(table, hide_index=True, width="stretch")
indicators = ui.query(catalog.indicators, cur, version, last["set_id"])
if not len(indicators):
    st.caption(ui.tr("criteria.no_indicators", set_name=catalog.set_label(last["set_id"], lang, cur)))
if len(indicators):
    with st.expander(ui.tr("profile.indicators", count=len(indicators))):
        navigation.table(
            indicators.rename(
                columns={
                    "criterion_no": ui.tr("chart.criterion"),
                    "indicator_code": ui.tr("profile.indicator_code"),
                    "name_vi": ui.tr("criteria.name"),
                }
            ),
            hide_index=True,
            width="stretch",
        )

lost = ui.query(movements.regressions, cur, version, unit, periods.month(last["period"]), last["set_id"], f.layer)
if len(lost):
    st.warning(
        ui.md(
            "profile.regressions",
            criteria=", ".join(
                f"{int(c)} {crit.set_index('criterion_no').at[c, name_col]}" for c in lost["criterion_no"]
            ),
            previous=fmt_period(lost["previous"].iloc[0], lang),
        ),
        icon=":material/warning:",
    )

st.subheader(ui.tr("profile.targets_title"))
own = ui.query(targets.current, cur, version, unit)
if not own:
    ui.empty("profile.no_targets")
for target in own:
    entry = ui.query(progress.target_progress, cur, version, target, last["period"], f.layer)
    st.markdown(
        ui.md(
            "profile.target_line",
            level=ui.tr("level." + entry.level),
            deadline=fmt_period(entry.target_month, lang),
            plan=entry.plan or "–",
            status=ui.tr("progress." + entry.status),
            months=pace_words.time_left(entry.months_left, lang, entry.status),  # never "overdue" once achieved
            needed=pace_words.pace(entry.needed_pace, entry.pace_unit, lang),
            observed=pace_words.pace(entry.observed_pace, entry.pace_unit, lang),
        )
    )

st.subheader(ui.tr("profile.uploads_title"))
log = upload_words.labelled(ui.query(loads.unit_uploads, cur, version, unit.unit_id), lang)
navigation.table(
    log.rename(
        columns={
            "upload_id": "ID",
            "uploaded_at": ui.tr("profile.uploaded_at"),
            "file_name": ui.tr("profile.file"),
            "source": ui.tr("profile.source"),
            "status": ui.tr("profile.upload_status"),
        }
    ),
    hide_index=True,
    width="stretch",
)

st.subheader(ui.tr("audit.profile_title"))
st.caption(ui.tr("audit.profile_help"))
changes = audit.entries(cur, unit, limit=200)
if changes:
    navigation.table(audit.table(changes, lang), hide_index=True, width="stretch")
else:
    ui.empty("audit.none")
