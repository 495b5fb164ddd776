"""The periodic report draft as data (sections of sentences and tables), in the words district
reports use — "bình quân đạt 10,9 tiêu chí/xã", "số xã đạt 19 tiêu chí: 03 xã (…)", "xã Tú Xuyên
đạt 10/19 tiêu chí, chưa đạt các tiêu chí: (2) Giao thông …" — rendered to .docx and .xlsx.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from ntm import catalog, comparison, history, metrics, periods, progress
from ntm.i18n import fmt_date, fmt_number, fmt_period, t
from ntm.units import Unit


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    table: pd.DataFrame | None = None


@dataclass
class Draft:
    title: str
    subtitle: str
    sections: list[Section]


def draft(
    con: duckdb.DuckDBPyConnection,
    unit: Unit,
    period: periods.Period,
    set_id: str,
    lang: str = "vi",
    layer: str = "self",
    lens: history.Lens = history.THEN,
) -> Draft:
    scores = history.scores(con, unit, period, set_id, layer, lens)
    n = metrics.n_criteria(con, set_id)
    title = t("report.title", lang, unit=unit.name.upper() if lang == "vi" else unit.name)
    subtitle = t(
        "report.subtitle",
        lang,
        period=fmt_period(period.text, lang),
        set_id=catalog.set_label(set_id, lang, con),
        layer=t(f"layer.{layer}", lang),
    )
    if lens.view == "today":
        subtitle += " " + t("view.caption.today", lang).capitalize() + " (" + t(f"rule.note.{lens.rule}", lang) + ")."
    if lens.group is not None:
        subtitle += (
            " " + t("groups.caption", lang, kind=t(f"groups.kind.{lens.group.kind}", lang), name=lens.group.name) + "."
        )
    if scores.empty:
        return Draft(
            title,
            subtitle,
            [
                Section(
                    t("report.no_data_heading", lang),
                    [t("report.no_data", lang, unit=unit.name, period=fmt_period(period.text, lang))],
                )
            ],
        )
    return Draft(
        title,
        subtitle,
        [
            _overall(con, unit, period, set_id, scores, lang, layer, lens),
            _bins(scores, n, lang),
            _unmet(con, scores, set_id, n, lang),
            _targets(con, unit, period, lang, layer),
            _change(con, unit, period, set_id, lang, layer, lens),
        ],
    )


def _overall(con, unit: Unit, period, set_id: str, scores: pd.DataFrame, lang: str, layer: str, lens) -> Section:
    missing = history.not_reported(con, unit, period, set_id, layer, lens)
    yoy = comparison.year_on_year(
        con, unit, period, set_id, layer, lens
    )  # the province is the same unit across the reform
    average = metrics.average_met(scores)
    previous = None
    if yoy.sets is not None and yoy.sets.delta is not None:
        previous = yoy.sets.average_before if not yoy.sets.crosses else None
    lines = [t("report.communes", lang, communes=len(scores))]
    if len(missing):
        lines.append(t("report.missing", lang, count=len(missing), names=", ".join(missing["name"])))
    place = f"{unit.kind.lower()} {unit.short_name}" if lang == "vi" else unit.name  # "toàn huyện Văn Quan"
    lines.append(t("report.average", lang, unit=place, average=fmt_number(average, lang)))
    if previous is not None and average is not None:
        lines.append(
            t(
                "report.average_before",
                lang,
                average=fmt_number(previous, lang),
                change=("+" if average >= previous else "") + fmt_number(average - previous, lang),
            )
        )
    if yoy.sets is not None and yoy.sets.crosses and yoy.sets.delta is not None:
        lines.append(
            t(
                "delta.crosses",
                lang,
                period=fmt_period(yoy.earlier.text, lang),
                before=catalog.set_label(yoy.earlier_set, lang, con),
                count=len(yoy.sets.pairs),
                avg_before=fmt_number(yoy.sets.average_before, lang),
                avg_after=fmt_number(yoy.sets.average_after, lang),
            )
        )
    lines.append(t("report.total", lang, unit=place, total=fmt_number(int(scores["met"].sum()), lang, 0)))
    return Section(t("report.h_overall", lang), lines)


def _bins(scores: pd.DataFrame, n: int, lang: str) -> Section:
    lines = []
    for row in metrics.distribution(scores, n).itertuples():
        if row.low == 0 and row.communes == 0:
            lines.append(t("report.bin_none_below", lang, low=row.high + 1))
            continue
        names = f" ({', '.join(row.names)})" if row.communes else ""
        lines.append(
            t(
                "report.bin_full" if row.low == n else "report.bin",
                lang,
                label=row.bin,
                count=f"{row.communes:02d}",
                names=names,
            )
        )
    return Section(t("report.h_bins", lang), lines)


def _unmet(con, scores: pd.DataFrame, set_id: str, n: int, lang: str) -> Section:
    crit = catalog.criteria(con, set_id).set_index("criterion_no")
    name_col, dept_col = ("name_en", "department_en") if lang == "en" else ("name_vi", "department_vi")
    lines = [
        t(
            "report.commune_line",
            lang,
            name=r.name,
            met=r.met,
            n=n,
            unmet=", ".join(f"({c}) {crit.at[c, name_col]}" for c in r.unmet),
        )
        for r in scores.sort_values(["met", "name"], ascending=[False, True]).itertuples()
        if len(r.unmet)
    ]
    long = metrics.unmet_criteria(con, scores, set_id)
    table = None
    if len(long):
        grouped = long.groupby("criterion_no").agg(communes=("name", "count"), names=("name", ", ".join)).reset_index()
        table = pd.DataFrame(
            {
                t("chart.criterion", lang): [f"({c}) {crit.at[c, name_col]}" for c in grouped["criterion_no"]],
                t("criteria.department", lang): [
                    crit.at[c, dept_col] if isinstance(crit.at[c, dept_col], str) else ""
                    for c in grouped["criterion_no"]
                ],
                t("report.col_communes", lang): grouped["communes"],
                t("col.commune", lang): grouped["names"],
            }
        )
    return Section(t("report.h_unmet", lang), lines or [t("report.all_met", lang)], table)


def _targets(con, unit: Unit, period, lang: str, layer: str) -> Section:
    year = period.end.year
    result = progress.report(con, unit, year, period.end, layer)
    lines = []
    for e in result["targets"]:
        head = t(
            "report.target_head",
            lang,
            name=e["name"],
            level=t(f"report.level.{e['level']}", lang),
            deadline=fmt_period(e["target_month"], lang),
        )
        if e["status"] == "achieved":
            detail = (
                t(
                    "report.target_recognised",
                    lang,
                    decision_no=e["recognition"]["decision_no"],
                    decision_date=fmt_date(e["recognition"]["decision_date"], lang),
                )
                if e["recognition"]
                else t("report.target_self", lang)
            )
        elif e["status"] == "no_data":
            detail = t("report.target_no_data", lang)
        else:
            detail = t(
                "report.target_gap",
                lang,
                count=len(e["unmet"]),
                months=e["months_left"],
                criteria=", ".join(
                    f"({u['criterion_no']}) {u['name_en' if lang == 'en' else 'name_vi']}"
                    + (f" – {u['department_en' if lang == 'en' else 'department_vi']}" if u["department_vi"] else "")
                    for u in e["unmet"]
                ),
                needed=fmt_number(e["needed_pace"], lang, 2),
                observed=fmt_number(e["observed_pace"], lang, 2),
                status=t(f"progress.{e['status']}", lang),
            )
        lines.append(f"{head}: {detail}")
    return Section(t("report.h_targets", lang, year=year), lines or [t("report.no_targets", lang, year=year)])


def _change(con, unit: Unit, period, set_id: str, lang: str, layer: str, lens) -> Section:
    before = periods.year_before(period)
    before_set = comparison.counterpart_set(con, set_id, comparison.sets_in(con, unit, before, layer))
    changed = (
        comparison.changes(con, unit, before, before_set, period, set_id, layer, lens) if before_set else pd.DataFrame()
    )
    if changed.empty or changed["met_before"].isna().all():
        return Section(
            t("report.h_change", lang, before=fmt_period(before.text, lang)),
            [
                t(
                    "report.no_earlier",
                    lang,
                    before=fmt_period(before.text, lang),
                    set_id=catalog.set_label(set_id, lang, con),
                )
            ],
        )
    changed = changed[changed["gained"].map(len).astype(bool) | changed["lost"].map(len).astype(bool)]
    lines = [
        t(
            "report.change_line",
            lang,
            name=r.name,
            before=r.met_before,
            after=r.met,
            gained=", ".join(map(str, r.gained)) or "–",
            lost=", ".join(map(str, r.lost)) or "–",
        )
        for r in changed.itertuples()
    ]
    return Section(
        t("report.h_change", lang, before=fmt_period(before.text, lang)),
        lines or [t("report.no_change", lang, before=fmt_period(before.text, lang))],
    )


def to_docx(report: Draft) -> bytes:
    """An administrative-style Word document: centred bold title, numbered sections, tables."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(13)
    for text, bold in ((report.title, True), (report.subtitle, False)):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = bold
    for section in report.sections:
        doc.add_paragraph().add_run(section.heading).bold = True
        for line in section.paragraphs:
            doc.add_paragraph(line, style="List Bullet")
        if section.table is not None and len(section.table):
            grid = doc.add_table(rows=1, cols=len(section.table.columns))
            grid.style = "Table Grid"
            for cell, name in zip(grid.rows[0].cells, section.table.columns):
                cell.text = str(name)
            for values in section.table.itertuples(index=False):
                for cell, value in zip(grid.add_row().cells, values):
                    cell.text = str(value)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def to_xlsx(report: Draft) -> bytes:
    """A print-ready sheet: title, sections and their tables; every text cell is written as text."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False, "strings_to_urls": False})
    sheet = book.add_worksheet("Báo cáo")
    bold, wrap = book.add_format({"bold": True}), book.add_format({"text_wrap": True, "valign": "top"})
    sheet.set_column(0, 0, 100)
    sheet.set_column(1, 3, 28)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    row = 0
    for text, fmt in ((report.title, bold), (report.subtitle, None)):
        sheet.write_string(row, 0, text, fmt)
        row += 1
    for section in report.sections:
        row += 1
        sheet.write_string(row, 0, section.heading, bold)
        row += 1
        for line in section.paragraphs:
            sheet.write_string(row, 0, "- " + line, wrap)
            row += 1
        if section.table is not None and len(section.table):
            for col, name in enumerate(section.table.columns):
                sheet.write_string(row, col, str(name), bold)
            for values in section.table.itertuples(index=False):
                row += 1
                for col, value in enumerate(values):
                    sheet.write_string(row, col, str(value), wrap)
            row += 1
    book.close()
    return buffer.getvalue()
