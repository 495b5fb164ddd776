"""Family 3: a commune's self-assessment form, one sheet (or one file) each: criteria and sub-indicators as
rows, the verdict in "Tự đánh giá", the commune in the title or the sheet name."""

from __future__ import annotations

import openpyxl

from tests.corpus.makers.common import COMMUNES, WORDS, criterion_names, expected, truth, xlsx


def _form_sheet(s, con, name: str, st: dict[int, str], *, title_commune: bool, blank_parent: bool) -> None:
    s.append(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    s.append(["BÁO CÁO TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI"])
    s.append([f"Xã {name}, huyện Văn Quan, tỉnh Lạng Sơn" if title_commune else "Huyện Văn Quan, tỉnh Lạng Sơn"])
    s.append(["(Tính đến tháng 5 năm 2020)"])
    s.append(["TT", "Tên tiêu chí", "Nội dung tiêu chí", "Chỉ tiêu", "Kết quả", "Tự đánh giá"])
    names = criterion_names(con)
    for c in range(1, 20):
        verdict = WORDS[st[c]]
        if c in (2, 15):  # criteria with sub-indicators
            s.append([c, names[c - 1], None, None, None, None if blank_parent else verdict])
            for k in (1, 2):
                sub = verdict if st[c] == "met" or k == 2 else "Đạt"
                s.append([f"{c}.{k}", None, f"Chỉ tiêu {c}.{k}", "Đạt", f"{70 + k}%", sub])
        else:
            s.append([c, names[c - 1], "Nội dung …", "Đạt", "Đạt" if st[c] == "met" else "Chưa", verdict])


def f3_forms_sheet_per_commune(con):
    """Three communes' forms, a sheet each: criteria and sub-indicators as rows, a "Chỉ tiêu" column that also
    says "Đạt", the verdict in "Tự đánh giá", the commune in the title."""
    part = COMMUNES[3:6]
    st = truth(8, part)
    book = openpyxl.Workbook()
    book.remove(book.active)
    for _, name in part:
        _form_sheet(book.create_sheet(name[:25]), con, name, st[name], title_commune=True, blank_parent=False)
    return xlsx(book), expected("form", st, header_rows=[5])


def f3_form_commune_from_sheet_name(con):
    """One form whose title names only the district: the commune is the sheet's name; criteria with
    sub-indicators leave their own verdict blank (met when every sub-indicator is)."""
    part = COMMUNES[4:5]
    st = truth(9, part)
    name = part[0][1]
    st[name][2] = "met" if st[name][2] == "met" else "not_met"
    st[name][15] = "met" if st[name][15] == "met" else "not_met"
    book = openpyxl.Workbook()
    s = book.active
    s.title = name
    _form_sheet(s, con, name, st[name], title_commune=False, blank_parent=True)
    return xlsx(book), expected("form", st, header_rows=[5])
