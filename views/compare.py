"""So sánh xã: communes × criteria heatmap, ranked bar, change since an earlier period."""

import streamlit as st

import navigation
import ui
import ui_figures
import ui_filters
import ui_layout
from ntm import catalog, chart_clicks, charts, charts_phone, comparison, criterion_rates, history, metrics, periods
from ntm.i18n import fmt_period, t
from ntm.text import sorted_names
from ntm.units import NEW_ERA_START

f, cur, version, lang = ui.page_start()
ui.province_or_stop(f)
period_label, scores = ui.scores_or_stop(f, cur, version, "compare.title")
n = ui.query(metrics.n_criteria, cur, version, f.set_id)
names = ui.query(criterion_rates.criteria_names, cur, version, f.set_id, lang)

matrix = ui.query(history.status_matrix, cur, version, f.scope, f.period, f.set_id, f.layer, f.lens)
sort = st.radio(
    ui.tr("compare.sort"),
    ["met", "name"],
    horizontal=True,
    key="compare_sort",
    format_func=lambda s: t(f"compare.sort.{s}", lang),
)
order = (
    list(scores.sort_values(["met", "name"], ascending=[False, True])["name"])
    if sort == "met"
    else sorted_names(matrix["name"].unique())
)
order += [m for m in sorted_names(matrix["name"].unique()) if m not in order]  # communes with no report last
if len(order) > 60:
    no_districts = f.view == "today" or f.period.end >= NEW_ERA_START
    st.caption(ui.tr("compare.many_groups" if no_districts else "compare.many", count=len(order)))
heatmap_title = ui.tr("compare.heatmap_title", unit=ui.scope_name(f), period=period_label)
codes_by_name = dict(zip(matrix["name"], matrix["code"].astype(str)))
heatmap_of = (matrix, order, names, heatmap_title, lang, codes_by_name)  # each built once per matrix and order
clicks = ui_layout.chart(
    ui_figures.kept(charts_phone.clickable_status_heatmap, *heatmap_of),
    "heatmap",
    "so-sanh-xa",
    phone_figs=lambda: ui_figures.kept(charts_phone.clickable_status_columns, *heatmap_of),  # criteria as rows
    on_select="rerun",
    selection_mode="points",
)
st.caption(ui.tr("drill.heatmap_hint"))
if (code := next((c for c in map(chart_clicks.picked, clicks) if c is not None), None)) is not None:
    navigation.open_commune(code, came_from="views/compare.py")
bar_title = ui.tr("compare.bar_title", unit=ui.scope_name(f), period=period_label)
ui_layout.chart(ui_figures.kept(charts.communes_bar, scores, n, bar_title, lang), "bar")

st.subheader(ui.tr("compare.change_title"))
months = ui_filters.months(cur, version)
found = ui.query(comparison.comparable_periods, cur, version, f.scope, f.period, f.set_id, months, f.layer)
earlier_sets = dict(found)  # only periods that can be compared: the same set, or one with comparable criteria
earlier_options = list(earlier_sets)
if not earlier_options:
    ui.empty("compare.no_earlier")
    st.stop()
default = periods.year_before(f.period).text


def _option(p: str) -> str:
    if earlier_sets[p] == f.set_id:
        return fmt_period(p, lang)
    return ui.tr(
        "compare.option_crosses", period=fmt_period(p, lang), set_name=catalog.set_label(earlier_sets[p], lang, cur)
    )


earlier_text = st.selectbox(
    ui.tr("compare.since"),
    earlier_options,
    key="compare_since",
    index=earlier_options.index(default) if default in earlier_options else 0,
    format_func=_option,
)
before, before_set = periods.parse(earlier_text), earlier_sets[earlier_text]
change = ui.query(comparison.changes, cur, version, f.scope, before, before_set, f.period, f.set_id, f.layer, f.lens)
if before_set != f.set_id:
    pairs = comparison.crosswalk.comparable(cur, before_set, f.set_id)
    st.caption(
        ui.tr(
            "compare.crosses",
            before=catalog.set_label(before_set, lang, cur),
            after=catalog.set_label(f.set_id, lang, cur),
            count=len(pairs),
        )
    )
if comparison.earlier_lens(f.period, before, f.lens).view != f.view:
    st.caption(ui.tr("compare.across_merger", period=fmt_period(earlier_text, lang)))
if change["met_before"].isna().all():
    ui.empty("compare.no_before", set_id=catalog.set_label(f.set_id, lang, cur), period=fmt_period(earlier_text, lang))
    st.stop()
label = lambda lst: "; ".join(f"{c} {names.get(c, '')}" for c in lst)  # noqa: E731
table = change.assign(gained=change["gained"].map(label), lost=change["lost"].map(label))
columns = ["name", "district", "met_before", "met", "gained", "lost"]
table = table[[c for c in columns if c != "district" or table["district"].notna().any()]].rename(
    columns={
        "name": ui.tr("col.commune"),
        "district": ui.district_column(f),
        "met_before": ui.tr("compare.met_before"),
        "met": ui.tr("col.met"),
        "gained": ui.tr("compare.gained"),
        "lost": ui.tr("compare.lost"),
    }
)
navigation.table(table, hide_index=True, width="stretch")
ui.download_xlsx(table, "so-sanh-xa", key="dl-compare")
