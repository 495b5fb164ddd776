"""Family 4: long layouts, a row per commune × criterion (the criterion as a label, a code or its name)."""

from __future__ import annotations

import openpyxl

from tests.corpus.makers.common import COMMUNES, TITLE, WORDS, criterion_names, expected, truth, xlsx


def f4_long_labels(con):
    """The failing case: the criterion column reads "Tiêu chí số 1: Quy hoạch"."""
    st = truth(10)
    book = openpyxl.Workbook()
    s = book.active
    s.title = "Du lieu"
    s.append([TITLE])
    s.append(["Kết quả đánh giá tháng 5/2020"])
    s.append(["Tên xã", "Tiêu chí", "Kết quả"])
    names = criterion_names(con)
    for _, name in COMMUNES:
        for c in range(1, 20):
            s.append([name, f"Tiêu chí số {c}: {names[c - 1]}", WORDS[st[name][c]]])
    return xlsx(book), expected("long", st, header_rows=[3])


def f4_long_codes_two_months(con):
    """Codes, a period per row (two months), "TC01" codes, Đạt / Không đạt."""
    st5, st6 = truth(11), truth(12)
    book = openpyxl.Workbook()
    s = book.active
    s.title = "Export"
    s.append(["Mã đơn vị", "Kỳ báo cáo", "Mã tiêu chí", "Đánh giá"])
    for month, st in (("2020-05", st5), ("2020-06", st6)):
        for code, name in COMMUNES:
            for c in range(1, 20):
                s.append([code, month, f"TC{c:02d}", "Đạt" if st[name][c] == "met" else "Không đạt"])
    flat = {n: {c: ("met" if v == "met" else "not_met") for c, v in row.items()} for n, row in st6.items()}
    exp = expected("long", flat, months=2, header_rows=[1], unit="Văn Quan", period="2020-06")
    return xlsx(book), exp


def f4_long_names_only(con):
    """The criterion written by its name alone, a district column, no title (unit and period as options)."""
    st = truth(13, COMMUNES[:5])
    book = openpyxl.Workbook()
    s = book.active
    s.append(["Huyện", "Xã", "Tên tiêu chí", "Tình trạng"])
    for _, name in COMMUNES[:5]:
        for c, cname in enumerate(criterion_names(con), start=1):
            s.append(["Văn Quan", name, cname, WORDS[st[name][c]]])
    return xlsx(book), expected("long", st, header_rows=[1], options={"unit": "Văn Quan", "period": "2020-05"})
