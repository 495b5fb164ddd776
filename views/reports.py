"""Báo cáo: the report draft for the scope and period, with the letterhead and signature the official
fills in, previewed and downloaded as .docx / .xlsx (the same files ``python -m ntm report`` writes)."""

import dataclasses
import functools

import streamlit as st

import navigation
import ui
from ntm import plain, reports
from ntm.i18n import fmt_percent, fmt_period

f, cur, version, lang = ui.page_start()
st.title(ui.md("reports.title", unit=f.scope.name, period=fmt_period(f.period.text, lang)))
st.caption(ui.tr("reports.help"))
report = ui.query(reports.draft, cur, version, f.scope, f.period, f.set_id, lang, f.layer, f.lens)
head = report.letterhead
with st.expander(ui.tr("reports.letterhead"), icon=":material/edit_document:"):
    st.caption(ui.tr("reports.letterhead_help"))
    scope = f"{f.scope.code}-{lang}"  # the fields start again from the defaults for another unit or language
    left, right = st.columns(2)
    superior = left.text_input(ui.tr("reports.superior"), head.superior, key=f"rp-superior-{scope}")
    issuer = left.text_area(ui.tr("reports.issuer"), head.issuer, key=f"rp-issuer-{scope}", height=68)
    number = left.text_input(ui.tr("reports.number"), head.number, key=f"rp-number-{scope}", max_chars=20)
    place = right.text_input(ui.tr("reports.place"), head.place, key=f"rp-place-{scope}")
    issued = right.date_input(ui.tr("reports.issued"), None, key=f"rp-issued-{scope}", format="DD/MM/YYYY")
    recipients = left.text_area(ui.tr("reports.recipients"), "\n".join(head.recipients), key=f"rp-to-{scope}")
    authority = right.text_input(ui.tr("reports.authority"), head.authority, key=f"rp-authority-{scope}")
    title = right.text_input(ui.tr("reports.signer_title"), head.signer_title, key=f"rp-title-{scope}")
    name = right.text_input(ui.tr("reports.signer_name"), head.signer_name, key=f"rp-name-{scope}")
report = dataclasses.replace(
    report,
    letterhead=dataclasses.replace(
        head,
        superior=superior.strip(),
        issuer=issuer.strip(),
        number=number.strip(),
        place=place.strip(),
        issued=issued,
        recipients=tuple(line.strip() for line in recipients.splitlines() if line.strip()),
        authority=authority.strip(),
        signer_title=title.strip(),
        signer_name=name.strip(),
    ),
)
left, right = st.columns(2)
file_name = f"bao-cao-{f.scope.code}-{f.period.text}"
left.download_button(
    ui.tr("reports.docx"),
    functools.partial(reports.to_docx, report),  # built when clicked (every run built both: 1,7 s at national scale)
    file_name=f"{file_name}.docx",
    key="dl-docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
right.download_button(
    ui.tr("reports.xlsx"),
    functools.partial(reports.to_xlsx, report),
    file_name=f"{file_name}.xlsx",
    key="dl-report-xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
with st.container(border=True):
    st.text(report.title + "\n" + report.subject + "\n" + report.subtitle)
    table_no = 0
    for part, section_no, section in reports.numbered(report):
        if part:
            st.subheader(part, divider="gray")
        st.markdown(f"**{section_no}. {plain.markdown(section.heading)}**")
        st.markdown("\n".join(f"- {plain.markdown(line)}" for line in section.paragraphs))
        if section.table is not None and len(section.table):
            table_no += 1
            st.caption(ui.tr("report.table_no", no=table_no, caption=section.caption or section.heading))
            navigation.table(  # shares written the language's way ("42,9 %"), on screen and in the print view
                section.table.assign(
                    **{c: [fmt_percent(v, lang, 1) for v in section.table[c]] for c in section.shares}
                ),
                hide_index=True,
                width="stretch",
                column_config={c: st.column_config.TextColumn(c, alignment="right") for c in section.shares},
            )
