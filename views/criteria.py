"""Tiêu chí: achievement rate of each criterion, by district and over the years, and the bottleneck criteria."""

import streamlit as st

import navigation
import ui
import ui_figures
import ui_layout
from ntm import catalog, charts, charts_phone, criterion_rates, district_rates

f, cur, version, lang = ui.page_start()
period_label, scores = ui.scores_or_stop(f, cur, version, "criteria.title")
rates = ui.query(criterion_rates.criterion_rates, cur, version, scores, f.set_id)
rates_chart, rates_phone = ui_figures.kept_with_phone(
    charts.criterion_rates_bar,
    charts_phone.narrow,
    rates,
    ui.tr("criteria.rates_title", unit=ui.scope_name(f), period=period_label),
    lang,
)
ui_layout.chart(rates_chart, "rates", phone_figs=rates_phone)

if catalog.indicators(cur, f.set_id).empty:  # the catalogue kept per data version: no statement per run
    st.caption(ui.tr("criteria.no_indicators", set_name=catalog.set_label(f.set_id, lang, cur)))

st.subheader(ui.tr("criteria.bottleneck_title"))
name_col, dept_col = ("name_en", "department_en") if lang == "en" else ("name_vi", "department_vi")
bottleneck = criterion_rates.bottlenecks(scores, rates).assign(rate=lambda d: (d["rate"] * 100).round(0))
table = bottleneck[["criterion_no", name_col, "rate", "last_mile", dept_col]].rename(
    columns={
        "criterion_no": ui.tr("chart.criterion"),
        name_col: ui.tr("criteria.name"),
        "rate": ui.tr("criteria.rate"),
        "last_mile": ui.tr("layout.last_mile_short"),  # the full wording is the column's help
        dept_col: ui.tr("criteria.department"),
    }
)
navigation.table(
    table,
    hide_index=True,
    width="stretch",
    column_config={  # every column in view at 1440 px: the department's name is the widest
        ui.tr("chart.criterion"): st.column_config.NumberColumn(width="small"),
        ui.tr("criteria.name"): st.column_config.TextColumn(width="medium"),
        ui.tr("criteria.rate"): st.column_config.ProgressColumn(
            ui.tr("criteria.rate"), min_value=0, max_value=100, format="%d %%", width="small"
        ),
        ui.tr("layout.last_mile_short"): st.column_config.NumberColumn(width="small", help=ui.tr("criteria.last_mile")),
        ui.tr("criteria.department"): st.column_config.TextColumn(width="large"),
    },
)
st.caption(ui.tr("criteria.last_mile_help"))

if f.district is None and scores["district" if not f.national else "province"].notna().any():
    st.subheader(ui.tr("national.by_province_title" if f.national else "criteria.by_district_title"))
    criteria_nos = [int(c) for c in rates["criterion_no"]]
    rate_table = district_rates.table(scores, criteria_nos, "province" if f.national else "district")
    navigation.table(
        district_rates.styled(rate_table, lang),
        width="stretch",
        height=35 * (len(rate_table) + 1) + 3,  # every district without scrolling
        column_config={
            str(no): st.column_config.Column(help=f"{no}. {name}", width=46)
            for no, name in zip(rates["criterion_no"], rates[name_col], strict=True)
        },
    )
    st.caption(ui.tr("criteria.by_district_help"))

over_time = ui.query(criterion_rates.criterion_rates_by_year, cur, version, f.scope, f.set_id, f.layer)
if over_time["year"].nunique() > 1:
    names = ui.query(criterion_rates.criteria_names, cur, version, f.set_id, lang)
    by_year, by_year_phone = ui_figures.kept_with_phone(
        charts.rates_by_year_heatmap,
        charts_phone.narrow,
        over_time,
        names,
        ui.tr("criteria.over_time_title", unit=ui.scope_name(f), set_id=catalog.set_label(f.set_id, lang, cur)),
        lang,
    )
    ui_layout.chart(by_year, "rates_by_year", phone_figs=by_year_phone)
    st.caption(ui.tr("criteria.over_time_help"))
