"""Nguồn lực: resources mobilised, works built and activities held, for the period and year to date, against
the year's plan, in the report's words; the template and the upload of the monthly or quarterly figures."""

import streamlit as st

import navigation
import ui
import ui_figures
import ui_layout
from ntm import charts_counts, charts_phone, resources, writes
from ntm.i18n import fmt_percent, fmt_period
from ntm.ingest import quantities

f, cur, version, lang = ui.page_start()
period_label = fmt_period(f.period.text, lang)
st.title(ui.tr("resources.title", unit=f.scope.name, period=period_label))
figs = ui.query(resources.figures, cur, version, f.scope, f.period)
reported = [x for x in figs if x.to_date is not None or x.plan is not None]

if not reported:
    ui.empty("resources.none", unit=f.scope.name, period=period_label)
else:
    lines = resources.sentences(figs, lang, "cumulative")
    if lines:
        with st.container(border=True):
            st.markdown(
                f"**{ui.tr('resources.words_title', year=f.period.end.year, end=fmt_period(f.period.end, lang))}**"
            )
            for line in lines:
                st.text(line)
    chart_figs = [x for x in figs if x.plan_share is not None]
    if chart_figs:
        title = ui.tr("resources.chart_title", unit=f.scope.name, year=f.period.end.year)
        plan_chart, plan_phone = ui_figures.kept_with_phone(
            charts_counts.plan_progress, charts_phone.narrow, chart_figs, title, lang
        )
        ui_layout.chart(plan_chart, "plan", phone_figs=plan_phone)
    import pandas as pd

    def fmt(value):
        return resources.fmt_quantity(value, lang)

    for group in resources.GROUPS:
        rows = [x for x in reported if x.quantity.group == group]
        if not rows:
            continue
        st.subheader(ui.tr(f"resources.group.{group}"))
        table = pd.DataFrame(
            {
                ui.tr("col.quantity"): [x.quantity.name(lang) for x in rows],
                ui.tr("col.uom"): [x.quantity.unit(lang) for x in rows],
                ui.tr("col.period_value"): [fmt(x.period_value) for x in rows],
                ui.tr("col.cumulative"): [fmt(x.cumulative) for x in rows],
                ui.tr("col.plan"): [fmt(x.plan) for x in rows],
                ui.tr("col.plan_share"): [fmt_percent(x.plan_share, lang, 0) for x in rows],
                ui.tr("col.to_date"): [fmt(x.to_date) for x in rows],
            }
        )
        navigation.table(table, hide_index=True, width="stretch")
    st.caption(ui.tr("resources.rule"))
    with st.expander(ui.tr("resources.by_unit_title")):
        per_unit = ui.query(resources.by_unit, cur, version, f.scope, f.period)
        names = {q.code: f"{q.name(lang)} ({q.unit(lang)})" for q in resources.catalogue()}
        if len(per_unit):
            wide = per_unit.pivot_table(index="unit", columns="quantity", values="value", aggfunc="sum")
            wide = wide[[c for c in names if c in wide.columns]].rename(columns=names)
            shown = wide.map(fmt).reset_index().rename(columns={"unit": ui.tr("resources.col_unit")})
            navigation.table(shown, hide_index=True, width="stretch")
            ui.download_xlsx(shown, "nguon-luc-theo-don-vi", key="dl-resources-units")

st.header(ui.tr("resources.upload_header"))
st.caption(ui.tr("resources.upload_help"))
st.download_button(
    ui.tr("resources.template"),
    quantities.template(cur, f.scope, f.period),
    file_name=f"mau-nguon-luc-{f.scope.code or 'tinh'}-{f.period.text}.xlsx",
    key="dl-resources-template",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
upload = st.file_uploader(ui.tr("resources.upload"), type=["xlsx", "xls", "ods"], key="resources-file")
if upload is not None:
    parsed, _ = writes.import_quantities(
        cur, ui.principal(), upload.getvalue(), upload.name, unit=f.scope.code, dry_run=True
    )
    if parsed.errors:
        st.error(ui.tr("resources.rejected", count=len(parsed.errors)))
        for problem in parsed.errors[:50]:
            st.text("• " + problem.located(lang))
    else:
        st.info(ui.tr("resources.checked", rows=len(parsed.values), plans=len(parsed.plans)))
        if st.button(ui.tr("resources.confirm"), key="resources-go"):
            parsed, upload_id = writes.import_quantities(
                cur, ui.principal(), upload.getvalue(), upload.name, unit=f.scope.code
            )
            if upload_id:
                st.success(ui.tr("resources.loaded", rows=len(parsed.values), upload_id=upload_id))
            else:
                for problem in parsed.errors[:50]:
                    st.text("• " + problem.located(lang))
