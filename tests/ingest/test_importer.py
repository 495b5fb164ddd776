"""Uploads built in code, read by the importer: each layout and each bad input, and what the user sees."""

import io
import re
from datetime import date

import openpyxl

from ntm import periods, units
from ntm.ingest.importer import import_file
from tests.helpers import VQ14, real_world_sheet, snapshot, van_quan, xlsx


def test_a_real_world_layout_with_titles_marks_and_totals(con):
    data = xlsx(lambda s: real_world_sheet(s, marks={"Tú Xuyên": [1, 3, 7, 8, 10, 12, 13, 14, 18, 19]}))
    result = import_file(con, data, "van-quan-t5.xlsx")
    assert result.status == "loaded", [p.located() for p in result.errors]
    assert result.communes == 14 and not result.warnings
    row = con.execute("""SELECT count(*) FILTER (WHERE status = 'met'), min(period), min(set_id) FROM assessments a
                         JOIN units u USING (unit_id) WHERE u.short_name = 'Tú Xuyên'""").fetchall()[0]
    assert row[0] == 10 and str(row[1]) == "2020-05-01" and row[2] == "ntm-2016"  # all three read from the titles


def test_reuploading_replaces_instead_of_duplicating(con):
    data = xlsx(real_world_sheet)
    import_file(con, data, "a.xlsx")
    first = con.execute("SELECT count(*) FROM assessments").fetchall()
    import_file(con, data, "a.xlsx")
    assert con.execute("SELECT count(*) FROM assessments").fetchall() == first == [(14 * 19,)]
    log = con.execute(
        "SELECT file_name, sha256, rows, octet_length(raw) > 0 FROM uploads ORDER BY upload_id"
    ).fetchall()
    assert len(log) == 2 and log[0][1] == log[1][1] and log[0][2] == 266 and log[0][3]


def test_name_variants_resolve_with_a_warning(con):
    names = ["Diềm He" if n == "Điềm He" else n for n in VQ14]
    result = import_file(con, xlsx(lambda s: real_world_sheet(s, names)), "a.xlsx")
    assert result.status == "loaded"
    assert [(w.key, w.row, w.column) for w in result.warnings] == [("import.name_fuzzy", 11, "B")]


def test_stated_total_that_disagrees_is_a_warning(con):
    def build(sheet):
        real_world_sheet(sheet)
        sheet["V7"] = 12  # Trấn Ninh's marks count 10

    result = import_file(con, xlsx(build), "a.xlsx")
    assert result.status == "loaded"
    assert [(w.key, w.row, w.column, w.params["counted"]) for w in result.warnings] == [
        ("import.total_mismatch", 7, "V", 10)
    ]


def test_errors_name_sheet_row_and_column_and_nothing_is_written(con):
    before = snapshot(con)

    def build(sheet):
        real_world_sheet(sheet, names=[*VQ14[:3], "Xã Không Có", *VQ14[4:6], "Trấn Ninh"])
        sheet["D8"] = "có lẽ"
        sheet["L13"] = None  # Trấn Ninh again, now with criterion 10 unmet

    result = import_file(con, xlsx(build), "sai.xlsx")
    assert result.status == "rejected"
    found = {(p.key, p.sheet, p.row, p.column) for p in result.errors}
    assert ("import.unknown_commune", "T5-2020", 10, "B") in found
    assert ("import.bad_mark", "T5-2020", 8, "D") in found
    # two values for one key: an error naming both places (an identical repeat is only a warning, issue 11)
    assert ("import.duplicate_conflict", "T5-2020", 13, "L") in found
    conflict = next(p for p in result.errors if p.key == "import.duplicate_conflict")
    assert conflict.params["first"] == "T5-2020!L7" and conflict.params["second"] == "T5-2020!L13"
    assert snapshot(con) == before
    message = next(p for p in result.errors if p.key == "import.unknown_commune").located()
    assert message.startswith("Trang “T5-2020”, ô B10:")


def test_a_criterion_outside_the_set_is_an_error(con):
    def build(sheet):
        real_world_sheet(sheet)
        sheet["V6"] = "TC20"

    result = import_file(con, xlsx(build), "a.xlsx")
    assert ("import.criterion_outside", 6, "V") in {(p.key, p.row, p.column) for p in result.errors}


def test_long_layout(con):
    def build(sheet):
        sheet.append(["Tên xã", "Tiêu chí", "Kết quả"])
        for c in range(1, 20):
            sheet.append(["Tú Xuyên", c, "Đạt" if c <= 5 else "Chưa đạt"])

    result = import_file(con, xlsx(build), "long.xlsx", unit="Văn Quan", period="2020-05")
    assert result.status == "loaded" and result.rows == 19
    assert con.execute("SELECT count(*) FROM assessments WHERE status = 'met'").fetchall()[0][0] == 5


def test_unknown_commune_accepted_as_historical_unit(con):
    names = [*VQ14, "Đồng Giáp"]
    result = import_file(con, xlsx(lambda s: real_world_sheet(s, names)), "a.xlsx", accept_new_units=True)
    assert result.status == "loaded" and result.communes == 15
    assert [w.key for w in result.warnings] == ["import.new_unit"]
    added = units.resolve(
        con, "Đồng Giáp", start=periods.parse("2020-05").start, within=van_quan(con), prefer="commune"
    )
    assert added.historical


def test_legacy_font_is_refused(con):
    names = ["X· §iÒm He" if n == "Điềm He" else n for n in VQ14]
    result = import_file(con, xlsx(lambda s: real_world_sheet(s, names)), "a.xlsx")
    assert [p.key for p in result.errors] == ["import.legacy_font"]


def test_long_layout_with_a_period_per_row_needs_no_options(con):
    def build(sheet):
        sheet["A1"] = "UBND HUYỆN VĂN QUAN"
        sheet.append(["Tên xã", "Kỳ báo cáo", "Tiêu chí", "Kết quả"])
        for month in ("05/2020", "06/2020"):
            for c in range(1, 20):
                sheet.append(["Tú Xuyên", month, c, "Đạt" if c <= (5 if month == "05/2020" else 6) else "Chưa đạt"])

    result = import_file(con, xlsx(build), "long.xlsx")
    assert result.status == "loaded", [p.located() for p in result.errors]
    rows = con.execute("""SELECT strftime(period, '%Y-%m'), min(set_id), count(*) FILTER (WHERE status = 'met')
                          FROM assessments GROUP BY 1 ORDER BY 1""").fetchall()
    assert rows == [("2020-05", "ntm-2016", 5), ("2020-06", "ntm-2016", 6)]


def test_a_commune_named_like_a_subtotal_is_not_skipped(con):
    """ "Công Sơn" folds to "cong son"; only "Cộng", "Cộng huyện …", "Tổng cộng …" rows are totals."""

    def build(sheet):
        sheet.append(["Tên xã", "Tiêu chí", "Kết quả"])
        for c in range(1, 20):
            sheet.append(["Công Sơn", c, "Đạt"])
        sheet.append(["Cộng huyện Cao Lộc", None, None])

    result = import_file(con, xlsx(build), "long.xlsx", unit="Cao Lộc", period="2020-05")
    assert (result.status, result.rows, result.communes) == ("loaded", 19, 1)


def test_a_formula_without_a_cached_value_is_reported_not_read_as_blank(con):
    """openpyxl saves formulas as <f>…</f><v></v>: no value until Excel recalculates the file."""

    def build(sheet):
        real_world_sheet(sheet)
        sheet["C7"] = '=IF(B7<>"","x","")'

    before = snapshot(con)
    result = import_file(con, xlsx(build), "a.xlsx")
    assert result.status == "rejected" and [(p.key, f"{p.column}{p.row}") for p in result.errors] == [
        ("import.formula_no_value", "C7")
    ]
    assert snapshot(con) == before


# ---------------------------------------------------------------- issue 10/11: rules over a whole upload
def book_of(*builders) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for build in builders:
        build(book.create_sheet())
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def blank_with_one_x(sheet):
    real_world_sheet(sheet, marks={n: [] for n in VQ14})
    sheet["C7"] = "x"


def test_a_single_x_in_a_blank_sheet_is_not_mark_mode(con):
    """Issue 11, finding 4: one x switched the sheet to marks and loaded 265 "Chưa đạt"."""
    before = snapshot(con)
    result = import_file(con, book_of(blank_with_one_x), "mot-dau-x.xlsx")
    assert result.status == "rejected" and snapshot(con) == before
    [blank] = [p for p in result.errors if p.key == "import.blank"]
    assert blank.cells == "C8:C13, C15:C21, D7:U13, D15:U21"  # every cell but C7 and "ntm-2016" in blank.message()


def test_a_title_saying_x_means_met_is_evidence_enough(con):
    def build(sheet):
        blank_with_one_x(sheet)
        sheet["A2"] = "BIỂU TỔNG HỢP GIAI ĐOẠN 2016-2020 (x: đạt)"

    result = import_file(con, book_of(build), "x-dat.xlsx")
    assert result.status == "loaded" and result.rows == 266
    assert con.execute("SELECT count(*) FROM assessments WHERE status = 'met'").fetchall() == [(1,)]


def test_two_sheets_with_opposite_verdicts_for_one_key_are_an_error_naming_both(con):
    """Issue 11, finding 2: the duplicate check looked inside one sheet only."""

    def other(sheet):
        real_world_sheet(sheet, marks={"Tú Xuyên": [1, 2]})
        sheet.title = "Bản sao"

    result = import_file(con, book_of(real_world_sheet, other), "hai-trang.xlsx")
    assert result.status == "rejected"
    [conflict] = [p for p in result.errors if p.key == "import.duplicate_conflict"]
    assert conflict.params["first"].startswith("T5-2020!") and conflict.params["second"].startswith("Bản sao!")
    assert conflict.params["name"] == "Tú Xuyên" and conflict.params["criteria"].startswith("3, 4")


def test_the_same_sheet_twice_loads_once_with_a_warning(con):
    def copy(sheet):
        real_world_sheet(sheet)
        sheet.title = "Bản sao"

    result = import_file(con, book_of(real_world_sheet, copy), "hai-lan.xlsx")
    assert (result.status, result.rows) == ("loaded", 266)
    assert {p.key for p in result.warnings} == {"import.duplicate_same"} and len(result.warnings) == 14
    assert con.execute("SELECT count(*) FROM assessments").fetchall() == [(266,)]


def test_abbreviated_marks_are_read(con):
    def build(sheet):
        real_world_sheet(sheet, marks={n: [] for n in VQ14})
        for row in sheet.iter_rows(min_row=7, max_row=21, min_col=3, max_col=21):
            for k, cell in enumerate(row):
                if sheet.cell(cell.row, 2).value not in (None, "Tổng cộng"):
                    cell.value = ("Đ", "CĐ", "✓", "✗", 1, 0, "Không đạt")[k % 7]

    result = import_file(con, book_of(build), "viet-tat.xlsx")
    assert result.status == "loaded", [p.located() for p in result.errors[:3]]
    met = con.execute("SELECT count(*) FILTER (WHERE status = 'met') FROM assessments").fetchall()[0][0]
    assert met == 14 * 9  # Đ, ✓, 1 at criteria 1, 3, 5, 8, 10, 12, 15, 17, 19 of every row


def test_names_that_do_not_resolve_are_refused_saying_what_was_understood(con):
    def build(sheet):
        real_world_sheet(sheet, names=[f"Thôn {k}" for k in range(14)])

    result = import_file(con, book_of(build), "thon.xlsx", unit="Văn Quan")
    assert result.status == "rejected"
    [unclear] = [p for p in result.errors if p.key == "layout.unclear"]
    text = unclear.message()
    assert "tên xã từ ô B7" in text and "19 tiêu chí ở ô C7…U22" in text and "chỉ 0 % tên" in text
    assert re.search(r"độ tin cậy 0,\d\d\)", text)  # a Vietnamese decimal comma
    english = unclear.message("en")  # what was understood is translated with the message, not before it
    assert "Communes as rows" in english and "Bảng" not in english and "tên xã" not in english
    assert "only 0% of the names" in english and re.search(r"confidence 0\.\d\d\)", english)


def test_a_national_workbook_names_communes_of_several_provinces(con):
    day = date(2024, 5, 1)
    communes = [
        c
        for province in ("Lạng Sơn", "Cao Bằng", "Hà Giang")
        for c in units.communes_under(con, units.resolve(con, province, start=day, end=day), day, day)
        .head(5)
        .itertuples()
    ]

    def build(sheet):
        sheet.append(["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI TOÀN QUỐC"])
        sheet.append(["STT", "Mã xã", "Tên xã", *range(1, 20)])
        for k, c in enumerate(communes):
            sheet.append([k + 1, c.code, c.name, *(["Đạt"] * 10 + ["Chưa đạt"] * 9)])

    result = import_file(con, book_of(build), "vn.xlsx", unit=units.NATIONAL_CODE, period="2024-05", set_id="ntm-2021")
    assert (result.status, result.communes, result.rows) == ("loaded", 15, 15 * 19), result.errors
