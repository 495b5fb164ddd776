"""Hồ sơ xã: one commune's criteria over time, current status, how long each gap has lasted, uploads."""

import pandas as pd
import streamlit as st

import ui
from ntm import catalog, charts, metrics, periods, progress, store, targets, units
from ntm.i18n import fmt_number, fmt_period

f, cur, version, lang = ui.page_start()
scores = ui.query(metrics.commune_scores, cur, version, f.scope, f.period, f.set_id, f.layer)
matrix = ui.query(metrics.status_matrix, cur, version, f.scope, f.period, f.set_id, f.layer)
choices = sorted(
    matrix[["unit_id", "name", "district"]].drop_duplicates().itertuples(index=False),
    key=lambda r: (str(r.district), r.name),
)
if not choices:
    ui.empty("common.no_reports", unit=f.scope.name, period=fmt_period(f.period.text, lang), set_id=f.set_id)
    st.stop()
labels = {int(r.unit_id): f"{r.name} ({r.district})" if isinstance(r.district, str) else r.name for r in choices}
ids = list(labels)
wanted = st.query_params.get("commune")
if "commune" not in st.session_state or st.session_state["commune"] not in ids:
    st.session_state["commune"] = int(wanted) if wanted and wanted.isdigit() and int(wanted) in ids else ids[0]
st.selectbox(ui.tr("profile.commune"), ids, key="commune", format_func=labels.get)
st.query_params["commune"] = str(st.session_state["commune"])
unit = ui.query(units.get, cur, version, st.session_state["commune"])
st.title(ui.tr("profile.title", name=unit.name))

history = ui.query(metrics.commune_history, cur, version, unit, f.layer)
if history.empty:
    ui.empty("profile.no_history")
    st.stop()
n_by_set = {s: ui.query(metrics.n_criteria, cur, version, s) for s in history["set_id"].unique()}
last = history.iloc[-1]
st.markdown(
    ui.tr(
        "profile.latest",
        met=int(last["met"]),
        n=n_by_set[last["set_id"]],
        period=fmt_period(last["period"], lang),
        set_id=last["set_id"],
    )
)
st.plotly_chart(
    charts.commune_trend(history, n_by_set, ui.tr("profile.trend_title", name=unit.name), lang),
    width="stretch",
    key="commune_trend",
)

st.subheader(ui.tr("profile.status_title", period=fmt_period(last["period"], lang)))
crit = ui.query(catalog.criteria, cur, version, last["set_id"])
since = metrics.unmet_since(history)
statuses = dict(last["statuses"])
name_col, dept_col = ("name_en", "department_en") if lang == "en" else ("name_vi", "department_vi")
table = pd.DataFrame(
    {
        ui.tr("chart.criterion"): crit["criterion_no"],
        ui.tr("criteria.name"): crit[name_col],
        ui.tr("profile.status"): [ui.tr("status." + statuses.get(c, "not_met")) for c in crit["criterion_no"]],
        ui.tr("profile.unmet_since"): [fmt_period(since[c], lang) if c in since else "" for c in crit["criterion_no"]],
        ui.tr("criteria.department"): crit[dept_col],
    }
)
st.dataframe(table, hide_index=True, width="stretch")
indicators = ui.query(catalog.indicators, cur, version, last["set_id"])
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
own = ui.query(targets.current, cur, version, unit)
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
log = ui.query(store.unit_uploads, cur, version, unit.unit_id)
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
