"""Family 2: criteria as rows, communes as columns, with a row of counts per commune."""

from __future__ import annotations

import openpyxl

from tests.corpus.makers.common import COMMUNES, TITLE, WORDS, criterion_names, expected, truth, xlsx


def f2_district_summary(con):
    """The failing case: criteria as rows, a column per commune, a row of counts per commune at the bottom."""
    st = truth(6)
    book = openpyxl.Workbook()
    s = book.active
    s.title = "Tong hop"
    s.append([TITLE])
    s.append(["TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ NÔNG THÔN MỚI THÁNG 5/2020"])
    s.append(["TT", "Tiêu chí", *[name for _, name in COMMUNES]])
    for c, cname in enumerate(criterion_names(con), start=1):
        s.append([c, cname, *[WORDS[st[name][c]] for _, name in COMMUNES]])
    s.append([None, "Số tiêu chí đạt", *[sum(v == "met" for v in st[name].values()) for _, name in COMMUNES]])
    return xlsx(book), expected("criteria-as-rows", st, header_rows=[3])


def f2_codes_and_names_binary(con):
    """Two header rows (codes over names), 1 / 0 results, "TC 1" labels, half the communes."""
    part = COMMUNES[:7]
    st = {n: {c: ("met" if v == "met" else "not_met") for c, v in row.items()} for n, row in truth(7, part).items()}
    book = openpyxl.Workbook()
    s = book.active
    s.title = "5-2020"
    s.append(["UBND HUYỆN VĂN QUAN - BỘ TIÊU CHÍ GIAI ĐOẠN 2016-2020"])
    s.append(["", "Mã xã", *[code for code, _ in part]])
    s.append(["", "Tên xã", *[name for _, name in part]])
    for c in range(1, 20):
        s.append([c, f"TC {c}", *[1 if st[name][c] == "met" else 0 for _, name in part]])
    return xlsx(book), expected("criteria-as-rows", st, header_rows=[2, 3])
