"""Tổng quan: KPI cards, the yearly trend, the report bins and the district ranking."""

import streamlit as st

import navigation
import ui
import ui_figures
import ui_layout
import ui_levels
from ntm import (
    catalog,
    chart_clicks,
    charts,
    comparison,
    criterion_rates,
    crosswalk,
    history,
    levels,
    metrics,
    movements,
    recognition_merger,
    units,
)
from ntm.i18n import fmt_date, fmt_number, fmt_period

f, cur, version, lang = ui.page_start()
period_label, scores = ui.scores_or_stop(f, cur, version, "overview.title")
n = ui.query(metrics.n_criteria, cur, version, f.set_id)

yoy = ui.query(comparison.year_on_year, cur, version, f.scope, f.period, f.set_id, f.layer, f.lens)
earlier = yoy.earlier
missing = ui.query(history.not_reported, cur, version, f.scope, f.period, f.set_id, f.layer, f.lens)
average = metrics.average_met(scores)
at_standard = int((scores["met"] == n).sum())
set_name = catalog.set_label(f.set_id, lang, cur)

if f.national:  # the country's figures count the provinces that report in this database
    counted = ui.query(metrics.reporting_provinces, cur, version, f.period, f.set_id, f.layer)
    st.caption(ui.md("national.provinces_counted", count=len(counted), names=", ".join(counted)))
wide_cards = ui_layout.wide("ov-kpis")  # a phone shows its own three figures first (below)
cards = wide_cards.columns(4)
cards[0].metric(
    ui.tr("overview.kpi_communes"),
    len(scores),
    help=ui.tr("overview.kpi_communes_help", missing=len(missing)),
    border=True,
)
prev_standard = yoy.at_standard_before
cards[1].metric(
    ui.tr("overview.kpi_standard", n=n),
    at_standard,
    border=True,
    delta=None if prev_standard is None else at_standard - prev_standard,
    help=ui.tr("overview.kpi_delta_help", period=fmt_period(earlier.text, lang)),
)
delta = yoy.sets.delta if yoy.sets else None
if delta is None:
    delta_help = ui.tr("delta.none", period=fmt_period(earlier.text, lang), set_name=set_name)
elif yoy.sets.crosses:
    delta_help = ui.tr(
        "delta.crosses",
        period=fmt_period(earlier.text, lang),
        before=catalog.set_label(yoy.earlier_set, lang, cur),
        count=len(yoy.sets.pairs),
        avg_before=fmt_number(yoy.sets.average_before, lang),
        avg_after=fmt_number(yoy.sets.average_after, lang),
    )
else:
    delta_help = ui.tr("overview.kpi_delta_help", period=fmt_period(earlier.text, lang))
cards[2].metric(
    ui.tr("overview.kpi_average"),
    fmt_number(average, lang),
    border=True,
    delta=None if delta is None else fmt_number(delta, lang),
    help=delta_help,
)
cards[3].metric(ui.tr("overview.kpi_total"), fmt_number(int(scores["met"].sum()), lang, 0), border=True)
with ui_layout.phone("ov-figures"):  # on a phone, the three figures a meeting asks first, before the charts
    ui_layout.figures(
        "ov",
        [
            {
                "label": ui.tr("phone.kpi_average"),
                "value": fmt_number(average, lang),
                "delta": None if delta is None else fmt_number(delta, lang),
                "help": delta_help,
            },
            {
                "label": ui.tr("phone.kpi_standard", n=n),
                "value": at_standard,
                "delta": None if prev_standard is None else at_standard - prev_standard,
                "help": ui.tr("overview.kpi_delta_help", period=fmt_period(earlier.text, lang)),
            },
            {
                "label": ui.tr("phone.kpi_missing"),
                "value": len(missing),
                "help": ui.md("phone.kpi_missing_help", names=", ".join(missing["name"].head(12)))
                if len(missing)
                else ui.tr("phone.kpi_missing_none"),
            },
        ],
    )
    st.caption(ui.tr("phone.kpi_rest", count=len(scores), total=fmt_number(int(scores["met"].sum()), lang, 0)))
with ui_layout.order(2, "ov-more"):  # on a phone, after the charts
    members = None if f.group is None else set(f.group.members)
    recognised = ui.query(recognition_merger.counts, cur, version, f.scope, f.period.end, members)
    for card, level in zip(st.columns(3), ("ntm", "nang_cao", "kieu_mau")):
        card.metric(
            ui.tr(f"overview.kpi_recognised.{level}"),
            recognised.now[level],
            border=True,
            help=ui.tr("overview.kpi_recognised_help"),
        )
    if recognised.before_merger is not None:
        st.info(
            ui.tr("recognition.before_merger", date=fmt_date(recognised.merger_day, lang), **recognised.before_merger),
            icon=":material/history:",
        )
    if yoy.sets is not None and yoy.sets.crosses:
        st.caption(delta_help)
    st.caption(ui.tr("common.layer_note", layer=ui.tr("layer." + f.layer)) + " " + ui.tr("overview.recognised_note"))
    lost = ui.query(movements.regressions, cur, version, f.scope, f.period, f.set_id, f.layer)
    if f.group is not None or f.view == "today":
        lost = lost[lost["unit_id"].isin(set(scores["unit_id"]))]
    if len(lost):
        st.warning(
            ui.md(
                "overview.regressions", count=lost["unit_id"].nunique(), names=", ".join(sorted(set(lost["name"]))[:12])
            ),
            icon=":material/warning:",
        )
        st.page_link("views/targets.py", label=ui.tr("overview.regressions_link"), icon=":material/flag:")
    if len(missing):
        st.warning(
            ui.md("overview.missing", count=len(missing), names=", ".join(missing["name"].head(12))),
            icon=":material/mail:",
        )

    st.subheader(ui.tr("overview.levels_title"))
    ui_levels.three_levels(f, cur, version, lang)  # standard, advanced, model for communes and villages (issue 16)

with ui_layout.order(1, "ov-charts"):  # on a phone, right after the three figures
    left, right = st.columns(2)
    yearly = ui.query(history.yearly, cur, version, f.scope, f.layer, f.lens)
    breaks = crosswalk.breaks(yearly)
    names = comparison.set_names(cur, yearly["set_id"].unique(), lang)
    with left:
        ui_layout.chart(ui_figures.kept(charts.yearly_trend, yearly, ui.scope_name(f), lang, names, breaks), "trend")
        for year, before, after in breaks:
            pairs = crosswalk.comparable(cur, before, after)
            note = ui.tr("set.break_note", year=year, before=names[before], after=names[after]) + " "
            note += (
                ui.tr("set.break_pairs", count=len(pairs), numbers=", ".join(str(b) for _, b in pairs))
                if pairs
                else ui.tr("set.break_no_pairs")
            )
            st.caption(note)
    with right:
        dist = metrics.distribution(scores, n)
        title = ui.tr("overview.dist_title", unit=ui.scope_name(f), period=period_label)
        ui_layout.chart(ui_figures.kept(charts.distribution_bar, dist, title, lang), "dist")
        full = dist.iloc[0]
        if full["communes"]:
            st.markdown(ui.md("overview.standard_list", n=n, count=full["communes"], names=", ".join(full["names"])))

with ui_layout.order(3, "ov-rest"):
    ranking = (
        ui.query(history.district_ranking, cur, version, f.province, f.period, f.set_id, f.layer, f.lens)
        if ui.can_read(f.province)
        else []
    )  # a district account does not see the other districts
    if len(ranking) > 1:
        highlight = f.district.short_name if f.district else (f.group.name if f.group is not None else None)
        if highlight in set(ranking["district"]):
            row = ranking.set_index("district").loc[highlight]
            st.subheader(ui.md("overview.rank", district=highlight, rank=int(row["rank"]), of=int(row["of"])))
            by_standard = ui.query(levels.rank_districts, cur, version, f.province, f.period, f.set_id, f.layer)
            if highlight in set(by_standard["district"]):  # districts of the period (a former district has no rank)
                st.markdown(ui.md("overview.rank_standard", **levels.rank_words(by_standard, highlight)))
        (bar,) = ui_layout.chart(
            ui_figures.kept(
                charts.ranking_bar,
                ranking,
                highlight,
                ui.tr("national.ranking_title", period=period_label)
                if f.national
                else ui.tr("overview.ranking_title", province=f.province.name, period=period_label),
                lang,
            ),
            "ranking",
            on_select="rerun",
            selection_mode="points",
        )
        st.caption(ui.tr("drill.ranking_hint"))
        if (name := chart_clicks.picked(bar, "y")) is not None and name != highlight:
            navigation.open_district(units.resolve(cur, f"{f.province.code}/{name}", start=f.period.end).code)

    st.subheader(ui.tr("overview.table_title"))
    crit = ui.query(criterion_rates.criteria_names, cur, version, f.set_id, lang)
    table = scores.assign(unmet_names=scores["unmet"].map(lambda lst: "; ".join(f"{c} {crit.get(c, '')}" for c in lst)))
    columns = ["code", "name", "district", "met", "unmet_names"]
    table = table[[c for c in columns if c != "district" or table["district"].notna().any()]].rename(
        columns={
            "code": ui.tr("col.code"),
            "name": ui.tr("col.commune"),
            "district": ui.district_column(f),
            "met": ui.tr("col.met"),
            "unmet_names": ui.tr("col.unmet"),
        }
    )
    if navigation.printing():  # on paper the whole table, every row (nothing to click)
        navigation.table(table, hide_index=True)
    else:
        picked = st.dataframe(
            table,
            hide_index=True,
            width="stretch",
            column_config={
                ui.tr("col.met"): st.column_config.ProgressColumn(
                    ui.tr("col.met"), min_value=0, max_value=n, format="%d"
                )
            },
            key="overview_table",
            on_select="rerun",
            selection_mode="single-row",
        )
        st.caption(ui.tr("drill.table_hint"))
        if picked.selection.rows:
            navigation.open_commune(str(scores["code"].iloc[picked.selection.rows[0]]), came_from="views/overview.py")
    ui.download_xlsx(table, "tong-quan", key="dl-overview")
