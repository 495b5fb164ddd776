"""Báo cáo: the report draft for the scope and period, previewed and downloaded as .docx / .xlsx."""

import streamlit as st

import ui
from ntm import reports
from ntm.i18n import fmt_period

f, cur, version, lang = ui.page_start()
st.title(ui.tr("reports.title", unit=f.scope.name, period=fmt_period(f.period.text, lang)))
st.caption(ui.tr("reports.help"))
report = ui.query(reports.draft, cur, version, f.scope, f.period, f.set_id, lang, f.layer, f.lens)
left, right = st.columns(2)
name = f"bao-cao-{f.scope.code}-{f.period.text}"
left.download_button(
    ui.tr("reports.docx"),
    reports.to_docx(report),
    file_name=f"{name}.docx",
    key="dl-docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
right.download_button(
    ui.tr("reports.xlsx"),
    reports.to_xlsx(report),
    file_name=f"{name}.xlsx",
    key="dl-report-xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
with st.container(border=True):
    st.markdown(f"**{report.title}**  \n{report.subtitle}")
    for section in report.sections:
        st.markdown(f"**{section.heading}**")
        st.markdown("\n".join(f"- {line}" for line in section.paragraphs))
        if section.table is not None and len(section.table):
            st.dataframe(section.table, hide_index=True, width="stretch")
