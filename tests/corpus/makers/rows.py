"""Family 1: communes as rows, criteria as columns (one or two header rows, merged group titles, numbers,
``TCn``, names; marks or verdict words; total, subtotal and blank rows)."""

from __future__ import annotations

import openpyxl

from tests.corpus.makers.common import (
    COMMUNES,
    HEADING,
    SHORT,
    TICKS,
    TITLE,
    WORDS,
    criterion_names,
    expected,
    truth,
    xlsx,
)


def f1_two_row_merged_total(con):
    """The failing case: a group title merged over the numbers 1…19, a "Tổng cộng" row of per-criterion counts."""
    st = truth(1)
    book = openpyxl.Workbook()
    s = book.active
    s.title = "Biểu 01"
    s.append([TITLE])
    s.append([HEADING])
    s.append(["Kỳ báo cáo: tháng 5/2020"])
    s.append(["TT", "Tên xã", "Kết quả thực hiện các tiêu chí"] + [None] * 18 + ["Số tiêu chí đạt"])
    s.append([None, None, *list(range(1, 20)), None])
    s.merge_cells("C4:U4")
    s.merge_cells("A4:A5")
    s.merge_cells("B4:B5")
    s.merge_cells("V4:V5")
    for k, (_, name) in enumerate(COMMUNES, start=1):
        row = st[name]
        s.append([k, name, *[WORDS[row[c]] for c in range(1, 20)], sum(v == "met" for v in row.values())])
    s.append([None, "Tổng cộng", *[sum(st[n][c] == "met" for _, n in COMMUNES) for c in range(1, 20)], None])
    return xlsx(book), expected("communes-as-rows", st, header_rows=[4, 5])


def f1_tc_marks_groups(con):
    """TC1 … TC19, x for met (blank = not met), blank rows and a subtotal row, the month in the sheet name."""
    st = {n: {c: ("met" if v == "met" else "not_met") for c, v in row.items()} for n, row in truth(2).items()}
    book = openpyxl.Workbook()
    s = book.active
    s.title = "Tháng 5-2020"
    s.append([TITLE])
    s.append(["TỔNG HỢP XÃ ĐẠT CHUẨN NÔNG THÔN MỚI (đánh dấu x: đạt)"])
    s.append([])
    s.append(["STT", "Xã", *[f"TC{c}" for c in range(1, 20)], "Ghi chú"])
    for k, (_, name) in enumerate(COMMUNES, start=1):
        if k == 8:
            s.append([])
            s.append([None, "Cộng", *[None] * 19])
        s.append([k, name, *["x" if st[name][c] == "met" else None for c in range(1, 20)]])
    return xlsx(book), expected("communes-as-rows", st, header_rows=[4])


def f1_names_codes_abbrev(con):
    """Criteria headed by their names alone, commune codes beside the names, Đ / CBĐ / CĐ."""
    st = truth(3)
    book = openpyxl.Workbook()
    s = book.active
    s.title = "Ket qua"
    s.append([f"{TITLE} - Báo cáo tháng 05/2020"])
    s.append(["Mã xã", "Tên đơn vị", *criterion_names(con)])
    for code, name in COMMUNES:
        s.append([code, f"Xã {name}", *[SHORT[st[name][c]] for c in range(1, 20)]])
    return xlsx(book), expected("communes-as-rows", st, header_rows=[2])


def f1_numbered_names_subindicators(con):
    """ "1. Quy hoạch" headers, sub-indicator columns (2.1 …) with figures between them, no unit in the title."""
    st = truth(4)
    book = openpyxl.Workbook()
    s = book.active
    s.title = "T5.2020"
    s.append(["BẢNG THEO DÕI TIẾN ĐỘ XÂY DỰNG NÔNG THÔN MỚI"])
    head = ["STT", "Tên xã"]
    for c, name in enumerate(criterion_names(con), start=1):
        head.append(f"{c}. {name}")
        if c == 10:
            head.append("10.1 Thu nhập (triệu đồng/người)")
    s.append(head)
    for k, (_, name) in enumerate(COMMUNES, start=1):
        row = [k, name]
        for c in range(1, 20):
            row.append(WORDS[st[name][c]])
            if c == 10:
                row.append(round(30 + k * 1.5, 1))
        s.append(row)
    return xlsx(book), expected("communes-as-rows", st, header_rows=[2], unit="Văn Quan")


def f1_column_numbering(con):
    """Names over a column-numbering row ((1) (2) … under every column): numbers that are not criteria."""
    st = truth(5)
    book = openpyxl.Workbook()
    s = book.active
    s.title = "Sheet1"
    s.append([TITLE])
    s.append(["KẾT QUẢ THỰC HIỆN TIÊU CHÍ NTM THÁNG 5/2020"])
    s.append(["TT", "Đơn vị", *[f"Tiêu chí {c}" for c in range(1, 20)], "Tổng số tiêu chí đạt"])
    s.append(list(range(1, 23)))
    for k, (_, name) in enumerate(COMMUNES, start=1):
        s.append([k, name, *[TICKS[st[name][c]] for c in range(1, 20)], sum(v == "met" for v in st[name].values())])
    return xlsx(book), expected("communes-as-rows", st, header_rows=[3, 4])
