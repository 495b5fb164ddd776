"""Family 5: our own template, filled in."""

from __future__ import annotations

import io

import openpyxl

from ntm import periods, units
from ntm.ingest import template
from tests.corpus.makers.common import WORDS, expected, truth, xlsx


def f5_template(con):
    st = truth(14)
    district = units.resolve(con, "Lạng Sơn/Văn Quan", start=periods.parse("2020-05").start)
    book = openpyxl.load_workbook(io.BytesIO(template.build(con, district, periods.parse("2020-05"), "ntm-2016")))
    s = book["Báo cáo"]
    for row in s.iter_rows(min_row=template.FIRST_DATA_ROW):
        name = row[2].value
        for c in range(1, 20):
            row[2 + c].value = WORDS[st[name][c]]
    return xlsx(book), expected("template", st, header_rows=[5, 6])


def f5_template_one_commune(con):
    """The template of 6/2020 with one commune's row kept and filled, the other rows deleted (cleared)."""
    st = {"Tri Lễ": truth(15)["Tri Lễ"]}
    district = units.resolve(con, "Lạng Sơn/Văn Quan", start=periods.parse("2020-06").start)
    book = openpyxl.load_workbook(io.BytesIO(template.build(con, district, periods.parse("2020-06"), "ntm-2016")))
    s = book["Báo cáo"]
    for row in list(s.iter_rows(min_row=template.FIRST_DATA_ROW)):
        if row[2].value != "Tri Lễ":
            for cell in row:
                cell.value = None
            continue
        for c in range(1, 20):
            row[2 + c].value = WORDS[st["Tri Lễ"][c]]
    return xlsx(book), expected("template", st, header_rows=[5, 6], period="2020-06")
