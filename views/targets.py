"""Mục tiêu: target communes and unit goals (gap, pace, status), last mile, regressions,
reporting completeness, and entering targets."""

import pandas as pd
import streamlit as st

import navigation
import ui
import ui_figures
import ui_layout
from ntm import (
    access,
    charts,
    charts_phone,
    completeness,
    criterion_rates,
    metrics,
    movements,
    pace_words,
    periods,
    plans,
    progress,
    targets,
    writes,
)
from ntm.i18n import fmt_date, fmt_period

BADGE = {
    "achieved": "blue",
    "on_track": "green",
    "needs_acceleration": "orange",
    "limited": "violet",
    "regressing": "red",
    "overdue": "gray",
    "no_data": "gray",
}

f, cur, version, lang = ui.page_start()
years = ui.query(targets.years, cur, version, f.scope)
year_options = sorted(set(years) | {f.period.end.year})
default = next((y for y in year_options if y >= f.period.end.year and y in years), year_options[-1])
if st.session_state.get("target_year") not in year_options:
    st.session_state["target_year"] = default
year = st.selectbox(ui.tr("targets.year"), year_options, key="target_year")
st.title(ui.md("targets.title", year=year, unit=f.scope.name))

# judged as of the chosen period (or the latest report up to the target year, if that is earlier)
as_of_month = min(f.period.end, ui.query(progress.default_as_of, cur, version, f.scope, year, f.layer))
result = ui.query(progress.report, cur, version, f.scope, year, as_of_month, f.layer)
as_of = fmt_period(result.as_of, lang)
st.caption(ui.tr("targets.caption", as_of=as_of, layer=ui.tr("layer." + result.layer)))
with st.expander(ui.tr("targets.method_title"), icon=":material/help:"):
    st.markdown(pace_words.method(lang))
tab_progress, tab_last_mile, tab_regressions, tab_completeness, tab_edit = st.tabs(
    [
        ui.tr("targets.tab_progress"),
        ui.tr("targets.tab_last_mile"),
        ui.tr("targets.tab_regressions"),
        ui.tr("targets.tab_completeness"),
        ui.tr("targets.tab_edit"),
    ]
)

with tab_progress:
    entries = result.targets
    if not entries and not result.goals:
        ui.empty("targets.none", year=year, unit=f.scope.name)
    if entries:
        st.markdown(
            "  ".join(f":{BADGE[s]}-badge[{ui.tr('progress.' + s)}: {n}]" for s, n in result.status_counts.items() if n)
        )
        gap_chart, gap_phone = ui_figures.kept_with_phone(
            charts.target_gap_bar,
            charts_phone.narrow,
            entries,
            ui.tr("targets.chart_title", year=year, as_of=as_of),
            lang,
        )
        ui_layout.chart(gap_chart, "target_gap", phone_figs=gap_phone)
        # what a meeting reads first (status, pace) sits left of what it looks up (deadline, criteria, plan)
        table = pd.DataFrame(
            [
                {
                    ui.tr("col.commune"): e.name,
                    ui.tr("col.progress_status"): ui.tr("progress." + e.status),
                    ui.tr("col.met"): e.criteria_met,
                    ui.tr("col.months_left"): pace_words.time_left(e.months_left, lang, e.status),
                    ui.tr("col.needed_pace"): pace_words.pace(e.needed_pace, e.pace_unit, lang),
                    ui.tr("col.observed_pace"): pace_words.pace(e.observed_pace, e.pace_unit, lang),
                    ui.tr("col.deadline"): fmt_period(e.target_month, lang),
                    ui.tr("col.level"): ui.tr("level." + e.level),
                    ui.tr("col.district"): e.district,
                    ui.tr("col.unmet"): "; ".join(f"{u.criterion_no} {u.name(lang)}" for u in e.unmet),
                    ui.tr("targets.plan"): e.plan,
                }
                for e in entries
            ]
        )
        if table[ui.tr("col.district")].isna().all():
            table = table.drop(columns=ui.tr("col.district"))
        # on screen the unmet criteria by number, so that the row fits 1440 px; their names and departments are
        # in the table below, and the download keeps the names
        shown = table.assign(
            **{ui.tr("col.unmet"): [", ".join(str(u.criterion_no) for u in e.unmet) or "–" for e in entries]}
        )
        # two tables that each fit 1440 px: the progress a meeting reads first, then what each target is
        progress_columns = ["col.commune", "col.progress_status", "col.met", "col.months_left"]
        progress_columns += ["col.needed_pace", "col.observed_pace"]
        detail_columns = ["col.commune", "col.level", "col.deadline", "col.district", "col.unmet", "targets.plan"]
        navigation.table(
            shown[[ui.tr(c) for c in progress_columns]],
            hide_index=True,
            width="stretch",
            column_config={
                ui.tr("col.commune"): st.column_config.TextColumn(width="medium", pinned=True),
                ui.tr("col.progress_status"): st.column_config.TextColumn(width="medium"),
                ui.tr("col.met"): st.column_config.ProgressColumn(
                    ui.tr("col.met"), min_value=0, max_value=19, format="%d"
                ),
            },
        )
        st.markdown("**" + ui.tr("layout.targets_details") + "**")
        navigation.table(
            shown[[ui.tr(c) for c in detail_columns if ui.tr(c) in shown.columns]],
            hide_index=True,
            width="stretch",
            column_config={
                ui.tr("col.commune"): st.column_config.TextColumn(width="medium", pinned=True),
                ui.tr("col.level"): st.column_config.TextColumn(width="medium"),
                ui.tr("col.deadline"): st.column_config.TextColumn(width="small"),
                ui.tr("col.unmet"): st.column_config.TextColumn(width="medium", help=ui.tr("targets.unmet_help")),
                ui.tr("targets.plan"): st.column_config.TextColumn(width="large"),
            },
        )
        ui.download_xlsx(table, f"muc-tieu-{year}", key="dl-targets")
        gaps = pd.DataFrame(
            [
                {
                    ui.tr("col.commune"): e.name,
                    ui.tr("chart.criterion"): u.criterion_no,
                    ui.tr("criteria.name"): u.name(lang),
                    ui.tr("criteria.department"): u.department(lang),
                    ui.tr("targets.indicators"): ", ".join(i.code for i in u.indicators),
                }
                for e in entries
                if e.status != "achieved"
                for u in e.unmet
            ]
        )
        if len(gaps):
            st.subheader(ui.tr("targets.gaps_title"))
            navigation.table(
                gaps,
                hide_index=True,
                width="stretch",
                column_config={
                    ui.tr("chart.criterion"): st.column_config.NumberColumn(width="small"),
                    ui.tr("criteria.name"): st.column_config.TextColumn(width="medium"),
                    ui.tr("criteria.department"): st.column_config.TextColumn(width="large"),
                },
            )
        achieved = [e for e in entries if e.status == "achieved"]
        for e in achieved:
            if e.recognition:
                st.success(
                    ui.md(
                        "targets.recognised",
                        name=e.name,
                        decision=e.recognition.decision_no,
                        date=fmt_date(e.recognition.decision_date, lang),
                    ),
                    icon=":material/verified:",
                )
            else:
                st.info(ui.md("targets.self_achieved", name=e.name), icon=":material/edit_note:")
    if result.goals:
        st.subheader(ui.md("targets.goals_title", unit=f.scope.name))
        navigation.table(
            pd.DataFrame(
                [
                    {
                        ui.tr("targets.goal"): ui.tr("goal." + g.metric),
                        ui.tr("targets.goal_value"): pace_words.amount(g.value, g.pace_unit, lang),
                        ui.tr("targets.goal_current"): pace_words.amount(g.current, g.pace_unit, lang),
                        ui.tr("col.progress_status"): ui.tr("progress." + g.status),
                        ui.tr("col.months_left"): pace_words.time_left(g.months_left, lang, g.status),
                        ui.tr("col.needed_pace"): pace_words.pace(g.needed_pace, g.pace_unit, lang),
                        ui.tr("col.observed_pace"): pace_words.pace(g.observed_pace, g.pace_unit, lang),
                        ui.tr("targets.plan"): g.plan,
                    }
                    for g in result.goals
                ]
            ),
            hide_index=True,
            width="stretch",
        )

period_label = fmt_period(f.period.text, lang)
scores = ui.query(metrics.commune_scores, cur, version, f.scope, f.period, f.set_id, f.layer)
with tab_last_mile:
    near, counts = criterion_rates.last_mile(scores)
    if near.empty:
        ui.empty("targets.no_last_mile", unit=f.scope.name, period=period_label)
    else:
        names = ui.query(criterion_rates.criteria_names, cur, version, f.set_id, lang)
        last_mile_chart, last_mile_phone = ui_figures.kept_with_phone(
            charts.last_mile_bar,
            charts_phone.narrow,
            counts,
            names,
            ui.tr("targets.last_mile_title", unit=f.scope.name, period=period_label, count=len(near)),
            lang,
        )
        ui_layout.chart(last_mile_chart, "last_mile", phone_figs=last_mile_phone)
        navigation.table(
            near.assign(unmet=near["unmet"].map(lambda lst: "; ".join(f"{c} {names.get(c, '')}" for c in lst)))[
                ["name", "district", "met", "unmet"]
            ].rename(
                columns={
                    "name": ui.tr("col.commune"),
                    "district": ui.tr("col.district"),
                    "met": ui.tr("col.met"),
                    "unmet": ui.tr("col.unmet"),
                }
            ),
            hide_index=True,
            width="stretch",
        )

with tab_regressions:
    lost = ui.query(movements.regressions, cur, version, f.scope, f.period, f.set_id, f.layer)
    if lost.empty:
        ui.empty("targets.no_regressions", unit=f.scope.name, period=period_label)
    else:
        names = ui.query(criterion_rates.criteria_names, cur, version, f.set_id, lang)
        st.warning(ui.tr("targets.regressions_found", count=lost["unit_id"].nunique()), icon=":material/warning:")
        navigation.table(
            pd.DataFrame(
                {
                    ui.tr("col.commune"): lost["name"],
                    ui.tr("col.district"): lost["district"],
                    ui.tr("chart.criterion"): [f"{c} {names.get(int(c), '')}" for c in lost["criterion_no"]],
                    ui.tr("targets.previous"): [fmt_period(p, lang) for p in lost["previous"]],
                    ui.tr("targets.latest"): [fmt_period(p, lang) for p in lost["latest"]],
                }
            ),
            hide_index=True,
            width="stretch",
        )

with tab_completeness:
    month = (
        periods.month(ui.query(metrics.report_window, cur, version, f.scope, f.period, f.set_id, f.layer)[1])
        if len(scores)
        else periods.month(f.period.end)
    )
    table = ui.query(completeness.by_district, cur, version, f.scope, month, f.set_id, f.layer)
    st.subheader(ui.md("targets.completeness_title", unit=f.scope.name, period=fmt_period(month.text, lang)))
    st.caption(ui.tr("targets.completeness_rule"))
    if table.empty:
        ui.empty("common.no_reports", unit=f.scope.name, period=fmt_period(month.text, lang), set_id=f.set_id)
    else:
        navigation.table(
            table.assign(
                missing_names=table["missing_names"].map(", ".join), late_names=table["late_names"].map(", ".join)
            ).rename(
                columns={
                    "district": ui.tr("col.district"),
                    "expected": ui.tr("targets.expected"),
                    "reported": ui.tr("targets.reported"),
                    "missing": ui.tr("targets.missing"),
                    "late": ui.tr("targets.late"),
                    "missing_names": ui.tr("targets.missing_names"),
                    "late_names": ui.tr("targets.late_names"),
                    "share": ui.tr("targets.share"),
                }
            ),
            hide_index=True,
            width="stretch",
            column_config={
                ui.tr("targets.share"): st.column_config.ProgressColumn(
                    ui.tr("targets.share"), min_value=0, max_value=1, format="percent"
                )
            },
        )

with tab_edit:
    st.markdown(ui.md("targets.edit_help", unit=f.scope.name))
    level_labels = {ui.tr("level." + lv): lv for lv in targets.LEVELS}
    current = targets.current(cur, f.scope)
    frame = pd.DataFrame(
        [
            {
                "name": t.name,
                "district": t.district,
                "level": ui.tr("level." + t.level),
                "target_month": f"{t.target_month:%m/%Y}",
                "plan": t.plan,
                "note": t.note,
            }
            for t in current
        ],
        columns=["name", "district", "level", "target_month", "plan", "note"],
    )
    edited = st.data_editor(
        frame,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        key="targets_editor",
        column_config={
            "name": st.column_config.TextColumn(ui.tr("col.commune"), required=True),
            "district": st.column_config.TextColumn(ui.tr("col.district")),
            "level": st.column_config.SelectboxColumn(ui.tr("col.level"), options=list(level_labels), required=True),
            "target_month": st.column_config.TextColumn(
                ui.tr("col.deadline"), required=True, help=ui.tr("targets.deadline_help")
            ),
            "plan": st.column_config.TextColumn(ui.tr("targets.plan")),
            "note": st.column_config.TextColumn(ui.tr("targets.note")),
        },
    )
    may_edit = access.allowed(ui.principal(), "targets")
    if st.button(ui.tr("targets.save"), type="primary", key="save_targets", disabled=not may_edit):
        checked = plans.validate_targets(cur, edited.replace({"level": level_labels}), f.scope)
        if checked.errors:
            st.error(ui.tr("targets.save_rejected"))
            navigation.table(
                pd.DataFrame(
                    {
                        ui.tr("targets.row"): [p.row - 1 for p in checked.errors],
                        ui.tr("upload.message"): [p.message(lang) for p in checked.errors],
                    }
                ),
                hide_index=True,
                width="stretch",
            )
        else:
            try:
                changed = writes.save_targets(cur, ui.principal(), checked.targets, source="app", replace_scope=f.scope)
            except access.AccessDenied as exc:
                ui.refusal(exc)
            else:
                st.success(ui.tr("targets.saved", **changed))
    st.divider()
    plan_file = st.file_uploader(ui.tr("targets.plan_upload"), type=["xlsx", "xls", "ods"], key="plan_file")
    if plan_file is not None and st.button(ui.tr("targets.plan_load"), key="plan_load", disabled=not may_edit):
        checked, loaded = writes.import_plan(
            cur, ui.principal(), plan_file.getvalue(), plan_file.name, unit=f.scope.code
        )
        if checked.errors:
            st.error(ui.tr("targets.plan_rejected"))
            navigation.table(
                pd.DataFrame(
                    [
                        {
                            ui.tr("upload.where"): f"{p.sheet or ''} {p.column or ''}{p.row or ''}".strip(),
                            ui.tr("upload.message"): p.message(lang),
                        }
                        for p in checked.errors
                    ]
                ),
                hide_index=True,
                width="stretch",
            )
        else:
            st.success(ui.tr("cli.targets_loaded", **loaded))
    with st.expander(ui.tr("targets.history")):
        past = targets.history(cur, f.scope)
        navigation.table(
            past.assign(
                level=past["level"].map(lambda lv: ui.tr("level." + lv)),
                plan=past["plan"].fillna(""),
                note=past["note"].fillna(""),
            ).rename(
                columns={
                    "target_id": "ID",
                    "name": ui.tr("col.commune"),
                    "level": ui.tr("col.level"),
                    "target_month": ui.tr("col.deadline"),
                    "plan": ui.tr("targets.plan"),
                    "note": ui.tr("targets.note"),
                    "entered_at": ui.tr("targets.entered_at"),
                    "entered_by": ui.tr("targets.entered_by"),
                    "source": ui.tr("targets.source"),
                    "superseded_at": ui.tr("targets.superseded_at"),
                }
            ),
            hide_index=True,
            width="stretch",
        )
