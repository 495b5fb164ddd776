"""Tổng quan: KPI cards, the yearly trend, the report bins and the district ranking."""

import streamlit as st

import ui
from ntm import charts, metrics, periods, targets
from ntm.i18n import fmt_number, fmt_period

f, cur, version, lang = ui.page_start()
period_label, scores = ui.scores_or_stop(f, cur, version, "overview.title")
n = ui.query(metrics.n_criteria, cur, version, f.set_id)

earlier = periods.year_before(f.period)
previous = ui.query(metrics.commune_scores, cur, version, f.scope, earlier, f.set_id, f.layer)
missing = ui.query(metrics.not_reported, cur, version, f.scope, f.period, f.set_id, f.layer)
average = metrics.average_met(scores)
at_standard = int((scores["met"] == n).sum())

cards = st.columns(4)
cards[0].metric(
    ui.tr("overview.kpi_communes"),
    len(scores),
    help=ui.tr("overview.kpi_communes_help", missing=len(missing)),
    border=True,
)
prev_standard = int((previous["met"] == n).sum()) if len(previous) else None
cards[1].metric(
    ui.tr("overview.kpi_standard", n=n),
    at_standard,
    border=True,
    delta=None if prev_standard is None else at_standard - prev_standard,
    help=ui.tr("overview.kpi_delta_help", period=fmt_period(earlier.text, lang)),
)
prev_avg = metrics.average_met(previous)
cards[2].metric(
    ui.tr("overview.kpi_average"),
    fmt_number(average, lang),
    border=True,
    delta=None if prev_avg is None else fmt_number(average - prev_avg, lang),
    help=ui.tr("overview.kpi_delta_help", period=fmt_period(earlier.text, lang))
    if prev_avg is not None
    else ui.tr("overview.kpi_no_previous", set_id=f.set_id),
)
cards[3].metric(ui.tr("overview.kpi_total"), fmt_number(int(scores["met"].sum()), lang, 0), border=True)
recognised = ui.query(targets.recognised_counts, cur, version, f.scope, f.period.end)
for card, level in zip(st.columns(3), targets.LEVELS):
    card.metric(
        ui.tr(f"overview.kpi_recognised.{level}"),
        recognised[level],
        border=True,
        help=ui.tr("overview.kpi_recognised_help"),
    )
st.caption(ui.tr("common.layer_note", layer=ui.tr("layer." + f.layer)) + " " + ui.tr("overview.recognised_note"))
lost = ui.query(metrics.regressions, cur, version, f.scope, f.period, f.set_id, f.layer)
if len(lost):
    st.warning(
        ui.tr("overview.regressions", count=lost["unit_id"].nunique(), names=", ".join(sorted(set(lost["name"]))[:12])),
        icon=":material/warning:",
    )
    st.page_link("pages/targets.py", label=ui.tr("overview.regressions_link"), icon=":material/flag:")
if len(missing):
    st.warning(
        ui.tr("overview.missing", count=len(missing), names=", ".join(missing["name"].head(12))), icon=":material/mail:"
    )

left, right = st.columns(2)
yearly = ui.query(metrics.yearly_average, cur, version, f.scope, f.layer)
with left:
    st.plotly_chart(charts.yearly_trend(yearly, f.scope.name, lang), width="stretch", key="trend")
    if yearly["set_id"].nunique() > 1:
        st.caption(ui.tr("overview.set_break"))
with right:
    dist = metrics.distribution(scores, n)
    st.plotly_chart(
        charts.distribution_bar(dist, ui.tr("overview.dist_title", unit=f.scope.name, period=period_label), lang),
        width="stretch",
        key="dist",
    )
    full = dist.iloc[0]
    if full["communes"]:
        st.markdown(ui.tr("overview.standard_list", n=n, count=full["communes"], names=", ".join(full["names"])))

ranking = ui.query(metrics.district_ranking, cur, version, f.province, f.period, f.set_id, f.layer)
if len(ranking) > 1:
    highlight = f.district.short_name if f.district else None
    if highlight in set(ranking["district"]):
        row = ranking.set_index("district").loc[highlight]
        st.subheader(ui.tr("overview.rank", district=highlight, rank=int(row["rank"]), of=int(row["of"])))
    st.plotly_chart(
        charts.ranking_bar(
            ranking, highlight, ui.tr("overview.ranking_title", province=f.province.name, period=period_label), lang
        ),
        width="stretch",
        key="ranking",
    )

st.subheader(ui.tr("overview.table_title"))
crit = ui.query(metrics.criteria_names, cur, version, f.set_id, lang)
table = scores.assign(unmet_names=scores["unmet"].map(lambda lst: "; ".join(f"{c} {crit.get(c, '')}" for c in lst)))
columns = ["code", "name", "district", "met", "unmet_names"]
table = table[[c for c in columns if c != "district" or table["district"].notna().any()]].rename(
    columns={
        "code": ui.tr("col.code"),
        "name": ui.tr("col.commune"),
        "district": ui.tr("col.district"),
        "met": ui.tr("col.met"),
        "unmet_names": ui.tr("col.unmet"),
    }
)
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    column_config={
        ui.tr("col.met"): st.column_config.ProgressColumn(ui.tr("col.met"), min_value=0, max_value=n, format="%d")
    },
)
ui.download_xlsx(table, "tong-quan", key="dl-overview")
