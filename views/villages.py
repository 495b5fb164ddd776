"""Thôn, bản: the village average ("7,07 tiêu chí NTM/thôn"), villages at standard and model by commune and
district ("13/26 thôn … đạt 50%"), village goals, and the village list (workbook upload or one at a time)."""

import io

import openpyxl
import streamlit as st

import navigation
import ui
import ui_figures
import ui_layout
from ntm import access, catalog, charts_counts, units, villages, writes
from ntm.i18n import fmt_number, fmt_percent, fmt_period
from ntm.problems import Rejected

f, cur, version, lang = ui.page_start()
period_label = fmt_period(f.period.text, lang)
st.title(ui.tr("villages.title", unit=f.scope.name, period=period_label))
s = ui.query(villages.standing, cur, version, f.scope, f.period, f.layer)

if not s.villages:
    ui.empty("villages.no_list", unit=f.scope.name)
elif not s.reporting:
    ui.empty("villages.no_reports", unit=f.scope.name, period=period_label, set_id=s.set_id or "–")
else:
    cards = st.columns(4)
    cards[0].metric(ui.tr("col.villages"), s.villages, border=True, help=ui.tr("villages.kpi_reporting", n=s.reporting))
    cards[1].metric(
        ui.tr("col.village_average"),
        fmt_number(s.average_met, lang, 2),
        border=True,
        help=ui.tr("villages.kpi_average_help", n=s.n_criteria, set_id=s.set_id),
    )
    cards[2].metric(
        ui.tr("col.at_standard"),
        f"{s.at_standard}/{s.villages}",
        delta=fmt_percent(s.share_at_standard, lang, 1),
        delta_color="off",
        delta_arrow="off",
        border=True,
    )
    cards[3].metric(
        ui.tr("levels.village_model"),
        f"{s.model}/{s.villages}",
        delta=fmt_percent(s.share_model, lang, 1),
        delta_color="off",
        delta_arrow="off",
        border=True,
    )
    st.markdown(
        ui.tr(
            "villages.sentence",
            unit=f.scope.name,
            average=fmt_number(s.average_met, lang, 2),
            at_standard=s.at_standard,
            villages=s.villages,
            share=fmt_percent(s.share_at_standard, lang, 0),
            model=s.model,
        )
    )
    st.caption(ui.tr("villages.rule", layer=ui.tr("layer." + f.layer)))
    by_commune = ui.query(villages.standing_by, cur, version, f.scope, f.period, "commune", f.layer)
    title = ui.tr("villages.chart_title", unit=f.scope.name, period=period_label)
    ui_layout.chart(ui_figures.kept(charts_counts.villages_by_commune, by_commune, title, lang), "v-commune")
    by_district = ui.query(villages.standing_by, cur, version, f.scope, f.period, "district", f.layer)

    def shown(table, keys):
        return table.assign(
            average_met=table["average_met"].map(lambda v: fmt_number(v, lang, 2)),
            share=table["share"].map(lambda v: fmt_percent(v, lang, 0)),
        )[[*keys, "villages", "reporting", "average_met", "at_standard", "share", "model"]].rename(
            columns={
                "district": ui.tr("col.district"),
                "commune": ui.tr("col.commune"),
                "villages": ui.tr("col.villages"),
                "reporting": ui.tr("col.reporting"),
                "average_met": ui.tr("col.village_average"),
                "at_standard": ui.tr("col.at_standard"),
                "share": ui.tr("col.share"),
                "model": ui.tr("col.model"),
            }
        )

    if by_district["district"].notna().any() and len(by_district) > 1:
        navigation.table(shown(by_district, ["district"]), hide_index=True, width="stretch")
    commune_table = shown(by_commune, ["commune"])
    navigation.table(commune_table, hide_index=True, width="stretch")
    ui.download_xlsx(commune_table, "thon-theo-xa", key="dl-villages-commune")

    goals = ui.query(villages.goals, cur, version, f.scope, f.period.year) if f.scope.level != "province" else []
    if goals:
        st.subheader(ui.tr("villages.goals_title", year=f.period.year))
        for goal in goals:
            entry = ui.query(villages.goal_progress, cur, version, f.scope, goal, f.period.end, f.layer)
            st.markdown(
                ui.tr(
                    "villages.goal_line",
                    goal=ui.tr(f"villages.goal.{goal.metric}"),
                    value=fmt_number(goal.value, lang, 0),
                    current=fmt_number(entry.current, lang, 1),
                    status=ui.tr(f"progress.{entry.status}"),
                    plan=goal.plan or "–",
                )
            )

    with st.expander(ui.tr("villages.detail_title")):
        scores = ui.query(villages.village_scores, cur, version, f.scope, f.period, s.set_id, f.layer)
        detail = scores.assign(unmet=scores["unmet"].map(lambda lst: ", ".join(str(c) for c in lst) or "–"))
        detail = detail[["name", "commune", "met", "unmet"]].rename(
            columns={
                "name": ui.tr("col.village"),
                "commune": ui.tr("col.commune"),
                "met": ui.tr("col.met"),
                "unmet": ui.tr("col.unmet"),
            }
        )
        navigation.table(detail, hide_index=True, width="stretch")

st.header(ui.tr("villages.list_header"))
st.caption(ui.tr("villages.list_help"))
list_scope = f.district or f.province
day = f.period.end
template = openpyxl.Workbook()
sheet = template.active
sheet.title = "Danh sach thon"
sheet.append(["STT", "Tên thôn, bản", "Xã", "Mã thôn", "Loại"])
sheet.append([1, "Thôn Nà Cái", "Tú Xuyên", "", "Thôn"])
buffer = io.BytesIO()
template.save(buffer)
st.download_button(
    ui.tr("villages.template"),
    buffer.getvalue(),
    file_name="mau-danh-sach-thon.xlsx",
    key="dl-village-template",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
upload = st.file_uploader(ui.tr("villages.upload"), type=["xlsx", "xls", "ods"], key="village-list")
if upload is not None and st.button(ui.tr("villages.upload_go"), key="village-list-go"):
    try:
        counts = writes.import_villages(cur, ui.principal(), upload.getvalue(), upload.name, list_scope, day)
        st.success(ui.tr("villages.loaded", added=counts["added"], updated=counts["updated"]))
    except access.AccessDenied as exc:
        ui.refusal(exc)
    except Rejected as exc:
        st.error(ui.tr("villages.rejected"))
        for problem in exc.errors:
            st.text("• " + problem.located(lang))
with st.form("add-village", clear_on_submit=True):
    st.markdown(ui.tr("villages.add_title", unit=list_scope.name))
    communes = units.communes_under(cur, list_scope, day, day)
    labels = {int(r.unit_id): f"{r.name} ({r.district})" if r.district else r.name for r in communes.itertuples()}
    commune_id = st.selectbox(ui.tr("col.commune"), list(labels), format_func=labels.get)
    name = st.text_input(ui.tr("col.village"))
    code = st.text_input(ui.tr("villages.code"))
    if st.form_submit_button(ui.tr("villages.add")) and commune_id is not None:
        try:
            writes.add_village(cur, ui.principal(), name, units.get(cur, commune_id), code=code)
            st.success(ui.md("villages.added", name=name))
        except access.AccessDenied as exc:
            ui.refusal(exc)
        except Rejected as exc:
            for problem in exc.errors:
                st.error(problem.located(lang))
set_names = catalog.sets(cur).set_index("set_id")["name"]
in_force = [f"{sid} – {set_names.get(sid, '')}" for sid in villages.sets_in_force(cur, day) if sid]
if in_force:
    st.caption(ui.tr("villages.sets_note", sets="; ".join(in_force)))
