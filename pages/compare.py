"""So sánh xã: communes × criteria heatmap, ranked bar, change since an earlier period."""

import streamlit as st

import ui
from ntm import charts, metrics, periods
from ntm.i18n import fmt_period, t

f, cur, version, lang = ui.page_start()
period_label, scores = ui.scores_or_stop(f, cur, version, "compare.title")
n = ui.query(metrics.n_criteria, cur, version, f.set_id)
names = ui.query(metrics.criteria_names, cur, version, f.set_id, lang)

matrix = ui.query(metrics.status_matrix, cur, version, f.scope, f.period, f.set_id, f.layer)
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
    else sorted(matrix["name"].unique())
)
order += [m for m in sorted(matrix["name"].unique()) if m not in order]  # communes with no report last
if len(order) > 60:
    st.caption(ui.tr("compare.many", count=len(order)))
st.plotly_chart(
    charts.status_heatmap(
        matrix, order, names, ui.tr("compare.heatmap_title", unit=f.scope.name, period=period_label), lang
    ),
    width="stretch",
    key="heatmap",
)
st.plotly_chart(
    charts.communes_bar(scores, n, ui.tr("compare.bar_title", unit=f.scope.name, period=period_label), lang),
    width="stretch",
    key="bar",
)

st.subheader(ui.tr("compare.change_title"))
months = ui.months(cur, version)
earlier_options = (
    [m for m in months if m < f.period.start.strftime("%Y-%m")]
    if not f.period.is_year
    else sorted({m[:4] for m in months if m[:4] < f.period.text}, reverse=True)
)
if not earlier_options:
    ui.empty("compare.no_earlier")
    st.stop()
default = periods.year_before(f.period).text
earlier_text = st.selectbox(
    ui.tr("compare.since"),
    earlier_options,
    key="compare_since",
    index=earlier_options.index(default) if default in earlier_options else 0,
    format_func=lambda p: fmt_period(p, lang),
)
change = ui.query(metrics.changes, cur, version, f.scope, periods.parse(earlier_text), f.period, f.set_id, f.layer)
if change["met_before"].isna().all():
    ui.empty("compare.no_before", set_id=f.set_id, period=fmt_period(earlier_text, lang))
    st.stop()
label = lambda lst: "; ".join(f"{c} {names.get(c, '')}" for c in lst)  # noqa: E731
table = change.assign(gained=change["gained"].map(label), lost=change["lost"].map(label))
columns = ["name", "district", "met_before", "met", "gained", "lost"]
table = table[[c for c in columns if c != "district" or table["district"].notna().any()]].rename(
    columns={
        "name": ui.tr("col.commune"),
        "district": ui.tr("col.district"),
        "met_before": ui.tr("compare.met_before"),
        "met": ui.tr("col.met"),
        "gained": ui.tr("compare.gained"),
        "lost": ui.tr("compare.lost"),
    }
)
st.dataframe(table, hide_index=True, width="stretch")
ui.download_xlsx(table, "so-sanh-xa", key="dl-compare")
