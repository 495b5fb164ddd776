"""Hồ sơ xã: one commune's criteria over time, current status, how long each gap has lasted, uploads."""

import pandas as pd
import streamlit as st

import ui
from ntm import (
    catalog,
    charts,
    comparison,
    lineage,
    metrics,
    periods,
    progress,
    recognition_merger,
    store,
    targets,
    units,
)
from ntm import history as hist
from ntm.i18n import fmt_date, fmt_number, fmt_period

f, cur, version, lang = ui.page_start()
matrix = ui.query(hist.status_matrix, cur, version, f.scope, f.period, f.set_id, f.layer, f.lens)
choices = sorted(
    matrix[["unit_id", "name", "district"]].drop_duplicates().itertuples(index=False),
    key=lambda r: (str(r.district), r.name),
)
if not choices:
    ui.empty(
        "common.no_reports",
        unit=f.scope.name,
        period=fmt_period(f.period.text, lang),
        set_id=catalog.set_label(f.set_id, lang, cur),
    )
    st.stop()
labels = {int(r.unit_id): f"{r.name} ({r.district})" if isinstance(r.district, str) else r.name for r in choices}
ids = list(labels)
wanted = st.query_params.get("commune")
if "commune" not in st.session_state or st.session_state["commune"] not in ids:
    st.session_state["commune"] = int(wanted) if wanted and wanted.isdigit() and int(wanted) in ids else ids[0]
st.selectbox(ui.tr("profile.commune"), ids, key="commune", format_func=labels.get)
st.query_params["commune"] = str(st.session_state["commune"])
unit = units.get(cur, st.session_state["commune"])
st.title(ui.tr("profile.title", name=unit.name))

history = ui.query(hist.commune_history, cur, version, unit, f.layer, f.rule)
ancestry = lineage.ancestry(cur, unit)
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
    for d in recognition_merger.predecessor_decisions(cur, unit):
        st.caption(
            ui.tr(
                "profile.predecessor_decision",
                commune=d.commune,
                level=ui.tr("level." + d.level),
                decision=d.decision_no,
                date=fmt_date(d.decision_date, lang),
            )
        )
went_into = lineage.successors_today(cur, unit)
if went_into and went_into != [unit]:
    st.info(
        ui.tr("profile.successor", name=unit.name, names=", ".join(u.name for u in went_into)),
        icon=":material/call_merge:",
    )
if history.empty:
    ui.empty("profile.no_history")
    st.stop()
n_by_set = {s: metrics.n_criteria(cur, s) for s in history["set_id"].unique()}
last = history.iloc[-1]
st.markdown(
    ui.tr(
        "profile.latest",
        met=int(last["met"]),
        n=n_by_set[last["set_id"]],
        period=fmt_period(last["period"], lang),
        set_id=catalog.set_label(last["set_id"], lang, cur),
    )
)
set_names = comparison.set_names(cur, history["set_id"].unique(), lang)
st.plotly_chart(
    charts.commune_trend(history, n_by_set, ui.tr("profile.trend_title", name=unit.name), lang, set_names),
    width="stretch",
    key="commune_trend",
)

st.subheader(ui.tr("profile.status_title", period=fmt_period(last["period"], lang)))
crit = catalog.criteria(cur, last["set_id"])
since = metrics.unmet_since(history)
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
st.dataframe(table, hide_index=True, width="stretch")
indicators = catalog.indicators(cur, last["set_id"])
if not len(indicators):
    st.caption(ui.tr("criteria.no_indicators", set_name=catalog.set_label(last["set_id"], lang, cur)))
if len(indicators):
    with st.expander(ui.tr("profile.indicators", count=len(indicators))):
        st.dataframe(
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

lost = ui.query(metrics.regressions, cur, version, unit, periods.month(last["period"]), last["set_id"], f.layer)
if len(lost):
    st.warning(
        ui.tr(
            "profile.regressions",
            criteria=", ".join(
                f"{int(c)} {crit.set_index('criterion_no').at[c, name_col]}" for c in lost["criterion_no"]
            ),
            previous=fmt_period(lost["previous"].iloc[0], lang),
        ),
        icon=":material/warning:",
    )

st.subheader(ui.tr("profile.targets_title"))
own = targets.current(cur, unit)
if not own:
    ui.empty("profile.no_targets")
for target in own:
    entry = ui.query(progress.target_progress, cur, version, target, last["period"], f.layer)
    st.markdown(
        ui.tr(
            "profile.target_line",
            level=ui.tr("level." + entry["level"]),
            deadline=fmt_period(entry["target_month"], lang),
            plan=entry["plan"] or "–",
            status=ui.tr("progress." + entry["status"]),
            months=entry["months_left"],
            needed=fmt_number(entry["needed_pace"], lang, 2),
            observed=fmt_number(entry["observed_pace"], lang, 2),
        )
    )

st.subheader(ui.tr("profile.uploads_title"))
log = store.unit_uploads(cur, unit.unit_id)
st.dataframe(
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
