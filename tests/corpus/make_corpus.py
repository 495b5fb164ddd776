"""Writes the layout corpus: one workbook per layout variant as district offices send them, and beside each
the figures it must load to (``<file>.json``), computed here from the statuses written, not by the importer.

    python tests/corpus/make_corpus.py        # rewrites tests/corpus/files/

Families: 1 communes as rows, 2 criteria as rows / communes as columns, 3 a commune's self-assessment form,
4 long layouts, 5 our template. Văn Quan (Lạng Sơn), 5/2020, set ntm-2016.
"""

from __future__ import annotations

import io
import json
import random
import sys
import tempfile
from pathlib import Path

import openpyxl
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from ntm import catalog, periods, reference, units  # noqa: E402 - the checkout on sys.path first
from ntm.ingest import template  # noqa: E402 - the checkout on sys.path first

OUT = Path(__file__).resolve().parent / "files"
COMMUNES = [
    ("06256", "Trấn Ninh"),
    ("06268", "Liên Hội"),
    ("06274", "Hòa Bình"),
    ("06277", "Tú Xuyên"),
    ("06280", "Điềm He"),
    ("06283", "An Sơn"),
    ("06286", "Khánh Khê"),
    ("06292", "Lương Năng"),
    ("06298", "Bình Phúc"),
    ("06307", "Tân Đoàn"),
    ("06313", "Tri Lễ"),
    ("06316", "Tràng Phái"),
    ("06319", "Yên Phúc"),
    ("06322", "Hữu Lễ"),
]
N = 19
TITLE = "UBND HUYỆN VĂN QUAN"
HEADING = "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI GIAI ĐOẠN 2016-2020"


def truth(seed: int, communes=COMMUNES) -> dict[str, dict[int, str]]:
    """name → criterion → met | basically_met | not_met, reproducibly."""
    rng = random.Random(seed)
    out = {}
    for _, name in communes:
        level = rng.randint(4, 19)
        out[name] = {
            c: "met" if rng.random() < level / 19 else ("basically_met" if rng.random() < 0.15 else "not_met")
            for c in range(1, N + 1)
        }
    return out


def expected(family: str, statuses: dict[str, dict[int, str]], months: int = 1, **extra) -> dict:
    return {
        "family": family,
        "rows": sum(len(v) for v in statuses.values()) * months,
        "communes": len(statuses),
        "met": {name: sum(s == "met" for s in v.values()) for name, v in statuses.items()},
        **extra,
    }


WORDS = {"met": "Đạt", "basically_met": "Cơ bản đạt", "not_met": "Chưa đạt"}
SHORT = {"met": "Đ", "basically_met": "CBĐ", "not_met": "CĐ"}
TICKS = {"met": "✓", "basically_met": "CBĐ", "not_met": "✗"}


def _names(con) -> list[str]:
    return list(catalog.criteria(con, "ntm-2016")["name_vi"])


# ---------------------------------------------------------------- family 1: communes as rows
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
    return _xlsx(book), expected("communes-as-rows", st, header_rows=[4, 5])


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
    return _xlsx(book), expected("communes-as-rows", st, header_rows=[4])


def f1_names_codes_abbrev(con):
    """Criteria headed by their names alone, commune codes beside the names, Đ / CBĐ / CĐ."""
    st = truth(3)
    book = openpyxl.Workbook()
    s = book.active
    s.title = "Ket qua"
    s.append([f"{TITLE} - Báo cáo tháng 05/2020"])
    s.append(["Mã xã", "Tên đơn vị", *_names(con)])
    for code, name in COMMUNES:
        s.append([code, f"Xã {name}", *[SHORT[st[name][c]] for c in range(1, 20)]])
    return _xlsx(book), expected("communes-as-rows", st, header_rows=[2])


def f1_numbered_names_subindicators(con):
    """ "1. Quy hoạch" headers, sub-indicator columns (2.1 …) with figures between them, no unit in the title."""
    st = truth(4)
    book = openpyxl.Workbook()
    s = book.active
    s.title = "T5.2020"
    s.append(["BẢNG THEO DÕI TIẾN ĐỘ XÂY DỰNG NÔNG THÔN MỚI"])
    head = ["STT", "Tên xã"]
    for c, name in enumerate(_names(con), start=1):
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
    return _xlsx(book), expected("communes-as-rows", st, header_rows=[2], unit="Văn Quan")


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
    return _xlsx(book), expected("communes-as-rows", st, header_rows=[3, 4])


# ---------------------------------------------------------------- family 2: criteria as rows
def f2_district_summary(con):
    """The failing case: criteria as rows, a column per commune, a row of counts per commune at the bottom."""
    st = truth(6)
    book = openpyxl.Workbook()
    s = book.active
    s.title = "Tong hop"
    s.append([TITLE])
    s.append(["TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ NÔNG THÔN MỚI THÁNG 5/2020"])
    s.append(["TT", "Tiêu chí", *[name for _, name in COMMUNES]])
    for c, cname in enumerate(_names(con), start=1):
        s.append([c, cname, *[WORDS[st[name][c]] for _, name in COMMUNES]])
    s.append([None, "Số tiêu chí đạt", *[sum(v == "met" for v in st[name].values()) for _, name in COMMUNES]])
    return _xlsx(book), expected("criteria-as-rows", st, header_rows=[3])


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
    return _xlsx(book), expected("criteria-as-rows", st, header_rows=[2, 3])


# ---------------------------------------------------------------- family 3: self-assessment forms
def _form_sheet(s, con, name: str, st: dict[int, str], *, title_commune: bool, blank_parent: bool) -> None:
    s.append(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    s.append(["BÁO CÁO TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI"])
    s.append([f"Xã {name}, huyện Văn Quan, tỉnh Lạng Sơn" if title_commune else "Huyện Văn Quan, tỉnh Lạng Sơn"])
    s.append(["(Tính đến tháng 5 năm 2020)"])
    s.append(["TT", "Tên tiêu chí", "Nội dung tiêu chí", "Chỉ tiêu", "Kết quả", "Tự đánh giá"])
    names = _names(con)
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
    return _xlsx(book), expected("form", st, header_rows=[5])


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
    return _xlsx(book), expected("form", st, header_rows=[5])


# ---------------------------------------------------------------- family 4: long layouts
def f4_long_labels(con):
    """The failing case: the criterion column reads "Tiêu chí số 1: Quy hoạch"."""
    st = truth(10)
    book = openpyxl.Workbook()
    s = book.active
    s.title = "Du lieu"
    s.append([TITLE])
    s.append(["Kết quả đánh giá tháng 5/2020"])
    s.append(["Tên xã", "Tiêu chí", "Kết quả"])
    names = _names(con)
    for _, name in COMMUNES:
        for c in range(1, 20):
            s.append([name, f"Tiêu chí số {c}: {names[c - 1]}", WORDS[st[name][c]]])
    return _xlsx(book), expected("long", st, header_rows=[3])


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
    return _xlsx(book), exp


def f4_long_names_only(con):
    """The criterion written by its name alone, a district column, no title (unit and period as options)."""
    st = truth(13, COMMUNES[:5])
    book = openpyxl.Workbook()
    s = book.active
    s.append(["Huyện", "Xã", "Tên tiêu chí", "Tình trạng"])
    for _, name in COMMUNES[:5]:
        for c, cname in enumerate(_names(con), start=1):
            s.append(["Văn Quan", name, cname, WORDS[st[name][c]]])
    return _xlsx(book), expected("long", st, header_rows=[1], options={"unit": "Văn Quan", "period": "2020-05"})


# ---------------------------------------------------------------- family 5: our template
def f5_template(con):
    st = truth(14)
    district = units.resolve(con, "Lạng Sơn/Văn Quan", start=periods.parse("2020-05").start)
    book = openpyxl.load_workbook(io.BytesIO(template.build(con, district, periods.parse("2020-05"), "ntm-2016")))
    s = book["Báo cáo"]
    for row in s.iter_rows(min_row=template.FIRST_DATA_ROW):
        name = row[2].value
        for c in range(1, 20):
            row[2 + c].value = WORDS[st[name][c]]
    return _xlsx(book), expected("template", st, header_rows=[5, 6])


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
    return _xlsx(book), expected("template", st, header_rows=[5, 6], period="2020-06")


# ---------------------------------------------------------------- other formats of the same sheets
def _rows_of(data: bytes) -> tuple[str, list[list], list]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    return sheet.title, [list(r) for r in sheet.iter_rows(values_only=True)], list(sheet.merged_cells.ranges)


def as_xls(data: bytes) -> bytes:
    """Excel 97-2003 as xlwt writes it, merged ranges kept."""
    import xlwt

    title, rows, merged = _rows_of(data)
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(title)
    anchors = {(m.min_row - 1, m.min_col - 1): m for m in merged}
    inside = {
        (r - 1, c - 1) for m in merged for r in range(m.min_row, m.max_row + 1) for c in range(m.min_col, m.max_col + 1)
    }
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) in anchors:
                m = anchors[(r, c)]
                sheet.write_merge(m.min_row - 1, m.max_row - 1, m.min_col - 1, m.max_col - 1, value)
            elif value is not None and (r, c) not in inside:
                sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def as_ods(data: bytes) -> bytes:
    """OpenDocument as odfpy (through pandas) writes it."""
    title, rows, _ = _rows_of(data)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="odf") as writer:
        pd.DataFrame(rows).to_excel(writer, sheet_name=title, header=False, index=False)
    return buffer.getvalue()


def _xlsx(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


BUILDERS = [
    f1_two_row_merged_total,
    f1_tc_marks_groups,
    f1_names_codes_abbrev,
    f1_numbered_names_subindicators,
    f1_column_numbering,
    f2_district_summary,
    f2_codes_and_names_binary,
    f3_forms_sheet_per_commune,
    f3_form_commune_from_sheet_name,
    f4_long_labels,
    f4_long_codes_two_months,
    f4_long_names_only,
    f5_template,
    f5_template_one_commune,
]
OTHER_FORMATS = [  # (builder, writer, suffix)
    (f1_two_row_merged_total, as_xls, "xls"),
    (f1_tc_marks_groups, as_ods, "ods"),
    (f2_district_summary, as_ods, "ods"),
    (f3_form_commune_from_sheet_name, as_xls, "xls"),
    (f4_long_labels, as_ods, "ods"),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        con = reference.connect(Path(tmp) / "corpus.duckdb")
        made = {}
        for build in BUILDERS:
            data, exp = build(con)
            made[build] = (data, exp)
            _write(build.__name__ + ".xlsx", data, exp, build.__doc__)
        for build, write, suffix in OTHER_FORMATS:
            data, exp = made[build]
            _write(f"{build.__name__}.{suffix}", write(data), exp, build.__doc__)
        con.close()


def _write(name: str, data: bytes, exp: dict, doc: str | None) -> None:
    (OUT / name).write_bytes(data)
    exp = {"file": name, "about": " ".join((doc or "").split()), **exp}
    (OUT / (name + ".json")).write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(name)


if __name__ == "__main__":
    main()
