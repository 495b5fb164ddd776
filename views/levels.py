"""Các mức đạt chuẩn: standard, advanced (nâng cao) and model (kiểu mẫu) side by side; nâng cao average,
distribution and unmet criteria with departments; kiểu mẫu conditions; districts ranked by communes at standard."""

import streamlit as st

import navigation
import ui
import ui_figures
import ui_layout
import ui_levels
from ntm import charts, charts_counts, criterion_rates, levels, metrics
from ntm.i18n import fmt_number, fmt_period

f, cur, version, lang = ui.page_start()
period_label = fmt_period(f.period.text, lang)
st.title(ui.tr("levels.title", unit=f.scope.name, period=period_label))
st.caption(ui.tr("common.layer_note", layer=ui.tr("layer." + f.layer)))
ui_levels.three_levels(f, cur, version, lang)

st.header(ui.tr("levels.advanced_header"))
basis = st.radio(
    ui.tr("levels.basis_label"),
    ["reported", "at_standard"],
    horizontal=True,
    format_func=lambda b: ui.tr(f"levels.basis.{b}"),
    key="advanced_basis",
)
view = ui.query(levels.advanced, cur, version, f.scope, f.period, f.layer, basis)
if view.set_id is None or view.scores.empty:
    ui.empty("levels.no_advanced", unit=f.scope.name, period=period_label)
else:
    cards = st.columns(3)
    cards[0].metric(ui.tr("levels.kpi_advanced_average"), fmt_number(view.average, lang, 2), border=True)
    cards[1].metric(ui.tr("levels.kpi_counted"), len(view.scores), border=True)
    cards[2].metric(ui.tr("levels.kpi_at_standard"), view.at_standard, border=True)
    st.markdown(
        ui.tr(
            "levels.advanced_sentence",
            unit=f.scope.name,
            average=fmt_number(view.average, lang, 2),
            communes=len(view.scores),
            basis=ui.tr(f"levels.basis.{view.basis}"),
            set_id=view.set_id,
        )
    )
    left, right = st.columns(2)
    with left:
        dist = metrics.distribution(view.scores, view.n_criteria)
        title = ui.tr("levels.dist_title", unit=f.scope.name, period=period_label)
        ui_layout.chart(ui_figures.kept(charts_counts.advanced_distribution, dist, title, lang), "adv-dist")
    with right:
        title = ui.tr("levels.communes_title", period=period_label)
        ui_layout.chart(ui_figures.kept(charts.communes_bar, view.scores, view.n_criteria, title, lang), "adv-c")
    unmet = criterion_rates.unmet_criteria(cur, view.scores, view.set_id)
    name_col, dept_col = ("criterion_en", "department_en") if lang == "en" else ("criterion_vi", "department_vi")
    st.subheader(ui.tr("levels.unmet_title"))
    table = unmet[["name", "criterion_no", name_col, dept_col]].rename(
        columns={
            "name": ui.tr("col.commune"),
            "criterion_no": ui.tr("chart.criterion"),
            name_col: ui.tr("criteria.name"),
            dept_col: ui.tr("criteria.department"),
        }
    )
    navigation.table(table, hide_index=True, width="stretch")
    ui.download_xlsx(table, "nang-cao-chua-dat", key="dl-advanced")

st.header(ui.tr("levels.model_header"))
model = ui.query(levels.model_conditions, cur, version, f.scope, f.period, f.layer)
if model.empty:
    ui.empty("levels.no_model", unit=f.scope.name, period=period_label)
else:
    table = model.assign(
        met=[f"{m}/{n}" for m, n in zip(model["met"], model["n"])],
        unmet_names=model["unmet_names"].map(lambda lst: "; ".join(lst) or "–"),
    )[["name", "met", "unmet_names"]].rename(
        columns={
            "name": ui.tr("col.commune"),
            "met": ui.tr("levels.col_conditions"),
            "unmet_names": ui.tr("levels.col_missing"),
        }
    )
    navigation.table(table, hide_index=True, width="stretch")

st.header(ui.tr("levels.rank_header"))
ranked = ui.query(levels.rank_districts, cur, version, f.province, f.period, f.set_id, f.layer)
if len(ranked) < 2:
    ui.empty("levels.no_rank", province=f.province.name, period=period_label)
else:
    if f.district is not None and f.district.short_name in set(ranked["district"]):
        row = ranked.set_index("district").loc[f.district.short_name]
        st.subheader(
            ui.tr(
                "levels.rank_sentence",
                district=f.district.name,
                rank=int(row["rank_standard"]),
                of=int(row["of"]),
                count=int(row["at_standard"]),
                rank_average=int(row["rank_average"]),
            )
        )
    table = ranked[["rank_standard", "district", "at_standard", "communes", "average_met", "rank_average"]].assign(
        average_met=ranked["average_met"].map(lambda v: fmt_number(v, lang))
    )
    navigation.table(
        table.rename(
            columns={
                "rank_standard": ui.tr("levels.col_rank_standard"),
                "district": ui.tr("col.district"),
                "at_standard": ui.tr("col.at_standard"),
                "communes": ui.tr("overview.kpi_communes"),
                "average_met": ui.tr("overview.kpi_average"),
                "rank_average": ui.tr("levels.col_rank_average"),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    st.caption(ui.tr("levels.rank_note", set_id=f.set_id))
