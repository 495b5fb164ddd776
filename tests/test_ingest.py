"""Uploads built in code: each layout and each bad input, and what the user sees for it."""

import io
import json
import zipfile

import openpyxl
import pytest

from ntm import periods, units
from ntm.cli import main
from ntm.ingest import template
from ntm.ingest.importer import import_file
from tests.conftest import van_quan

VQ14 = [
    "Trấn Ninh",
    "Liên Hội",
    "Hòa Bình",
    "Tú Xuyên",
    "Điềm He",
    "An Sơn",
    "Khánh Khê",
    "Lương Năng",
    "Bình Phúc",
    "Tân Đoàn",
    "Tri Lễ",
    "Tràng Phái",
    "Yên Phúc",
    "Hữu Lễ",
]


def xlsx(build) -> bytes:
    book = openpyxl.Workbook()
    build(book.active)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def snapshot(con):
    return con.execute("SELECT * FROM assessments ORDER BY ALL").fetchall(), con.execute(
        "SELECT count(*) FROM uploads"
    ).fetchall()


def real_world_sheet(sheet, names=VQ14, marks=None):
    """A district's own layout: titles, a two-row header, x marks, blank and total rows."""
    sheet.title = "T5-2020"
    sheet["A1"] = "UBND HUYỆN VĂN QUAN"
    sheet["A2"] = "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NTM GIAI ĐOẠN 2016-2020"
    sheet["A3"] = "(Tính đến ngày 20/5/2020)"
    sheet.append([])
    sheet.append(["STT", "Tên xã", "Tiêu chí"] + [None] * 18 + ["Số tiêu chí đạt", "Ghi chú"])
    sheet.merge_cells("C5:U5")
    sheet.append([None, None] + [f"TC{i}" for i in range(1, 20)])
    for k, name in enumerate(names):
        if k == 7:
            sheet.append([])
        met = (marks or {}).get(name, range(1, 11))
        sheet.append([k + 1, name] + ["x" if i in met else None for i in range(1, 20)] + [len(met)])
    sheet.append([None, "Tổng cộng"] + [None] * 19 + [999])


def test_a_filled_template_imports_with_no_questions(con):
    district = van_quan(con)
    data = template.build(con, district, periods.parse("2020-05"), "ntm-2016")
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Báo cáo"]
    assert book["_meta"].sheet_state == "veryHidden" and sheet.protection.sheet
    for r in range(template.FIRST_DATA_ROW, template.FIRST_DATA_ROW + 14):
        for c in range(4, 23):
            sheet.cell(row=r, column=c, value="Đạt" if c - 3 <= 12 else "Chưa đạt")
    sheet.cell(row=template.FIRST_DATA_ROW, column=5, value="Cơ bản đạt")
    buffer = io.BytesIO()
    book.save(buffer)
    result = import_file(con, buffer.getvalue(), "mau.xlsx")
    assert (result.status, result.errors, result.warnings) == ("loaded", [], [])
    assert (result.rows, result.communes) == (14 * 19, 14)
    statuses = dict(con.execute("SELECT status, count(*) FROM assessments GROUP BY 1").fetchall())
    assert statuses == {"met": 14 * 12 - 1, "basically_met": 1, "not_met": 14 * 7}


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
        real_world_sheet(sheet, names=VQ14[:3] + ["Xã Không Có"] + VQ14[4:6] + ["Trấn Ninh"])
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
    names = VQ14 + ["Đồng Giáp"]
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


def zip_with(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def hostile_cases():
    far = xlsx(lambda s: s.__setitem__("XFD1048576", 1))
    good = xlsx(real_world_sheet)
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    bomb = dict(parts)
    bomb["xl/media/pad.bin"] = b"\0" * 50_000_000
    entity = dict(parts)
    entity["xl/workbook.xml"] = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + parts["xl/workbook.xml"].split(b"?>")[-1]
    missing = {k: v for k, v in parts.items() if k != "xl/workbook.xml"}
    return {
        "far_cell": (far, "file.dimension"),
        "csv_named_xlsx": ("Tên xã,TC1\nTú Xuyên,Đạt\n".encode(), "file.not_workbook"),
        "xls_password": (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le"),
            "file.password",
        ),
        "zip_bomb": (zip_with(bomb), "file.zip_bomb"),
        "doctype": (zip_with(entity), "file.dtd"),
        "missing_part": (zip_with(missing), "file.missing_part"),
        "truncated": (good[: len(good) // 2], "file.corrupt"),
        "empty": (b"", "file.empty"),
    }


HOSTILE = ["far_cell", "csv_named_xlsx", "xls_password", "zip_bomb", "doctype", "missing_part", "truncated", "empty"]


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_and_broken_files_are_refused_cleanly(con, case):
    data, key = hostile_cases()[case]
    before = snapshot(con)
    result = import_file(con, data, f"{case}.xlsx")
    assert result.status == "rejected" and [p.key for p in result.errors] == [key]
    assert snapshot(con) == before


def test_defusedxml_is_active():
    import openpyxl as px

    assert px.DEFUSEDXML


def test_cli_import_json_and_exit_codes(db_path, tmp_path, capsys):
    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    good.write_bytes(xlsx(real_world_sheet))
    bad.write_bytes(b"not a workbook")
    assert main(["import", str(good), "--db", str(db_path), "--dry-run", "--json"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert dry["status"] == "dry-run" and dry["upload_id"] is None and dry["rows"] == 266
    assert main(["import", str(good), "--db", str(db_path), "--json"]) == 0
    loaded = json.loads(capsys.readouterr().out)
    assert set(loaded) == {"status", "upload_id", "rows", "communes", "layout", "errors", "warnings"}
    layout = loaded["layout"]  # issue 10: how the sheet was read
    assert (layout["family"], layout["orientation"], layout["header_rows"]) == (
        "communes-as-rows",
        "criteria-as-columns",
        [5, 6],
    )
    assert 0.9 <= layout["confidence"] <= 1 and layout["runner_up"]["confidence"] < 0.8
    assert loaded["status"] == "loaded" and loaded["communes"] == 14
    assert main(["import", str(bad), "--db", str(db_path), "--json"]) == 1
    rejected = json.loads(capsys.readouterr().out)
    assert rejected["status"] == "rejected" and rejected["errors"][0]["message"]
    assert main(["import", str(tmp_path / "missing.xlsx"), "--db", str(db_path)]) == 2


def test_a_killed_load_leaves_all_or_nothing(db_path):
    """SIGKILL a process in the middle of a large load: the file holds the old rows or all the new ones."""
    import signal
    import subprocess
    import sys
    import time

    from ntm import store

    code = f"""
import pandas as pd, sys
from ntm import store
con = store.connect({str(db_path)!r})
ids = [r[0] for r in con.execute("SELECT unit_id FROM units WHERE level = 'commune' LIMIT 10000").fetchall()]
frame = pd.DataFrame([(u, pd.Timestamp(f"{{2000 + m // 12}}-{{m % 12 + 1:02d}}-01"), "ntm-2016", c, "met")
                      for u in ids for m in range(6) for c in range(1, 20)],
                     columns=["unit_id", "period", "set_id", "criterion_no", "status"])
print("ready", flush=True)
store.load_facts(con, frame, source="test")
print("done", flush=True)
"""
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    con = store.connect(db_path)
    count = con.execute("SELECT count(*) FROM assessments").fetchall()[0][0]
    uploads = con.execute("SELECT count(*) FROM uploads").fetchall()[0][0]
    con.close()
    assert (count, uploads) in ((0, 0), (10000 * 6 * 19, 1))


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


def _real_world_rows() -> tuple[str, list[list]]:
    book = openpyxl.Workbook()
    real_world_sheet(book.active, marks={"Tú Xuyên": [1, 3, 7, 8, 10, 12, 13, 14, 18, 19]})
    return book.active.title, [list(r) for r in book.active.iter_rows(values_only=True)]


def _xls(title: str, rows: list[list]) -> bytes:
    """Excel 97-2003, written by xlwt as old office PCs still save it."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(title)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _ods(title: str, rows: list[list]) -> bytes:
    """OpenDocument, written by odfpy (LibreOffice's format)."""
    import pandas as pd

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="odf") as writer:
        pd.DataFrame(rows).to_excel(writer, sheet_name=title, header=False, index=False)
    return buffer.getvalue()


@pytest.mark.parametrize("suffix, write", [("xls", _xls), ("ods", _ods)])
def test_old_excel_and_opendocument_files_read_like_xlsx(con, suffix, write):
    data = write(*_real_world_rows())
    assert data[:4] == (b"\xd0\xcf\x11\xe0" if suffix == "xls" else b"PK\x03\x04")
    result = import_file(con, data, f"van-quan-t5.{suffix}")
    assert result.status == "loaded", [p.located() for p in result.errors]
    assert (result.communes, result.rows, result.warnings) == (14, 14 * 19, [])
    met = con.execute("""SELECT count(*) FILTER (WHERE status = 'met') FROM assessments a
                         JOIN units u USING (unit_id) WHERE u.short_name = 'Tú Xuyên'""").fetchall()[0][0]
    assert met == 10


def test_a_macro_enabled_workbook_is_read(con):
    result = import_file(con, xlsx(real_world_sheet), "van-quan-t5.xlsm")
    assert result.status == "loaded" and result.communes == 14


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


def test_an_appraisal_loads_as_its_own_layer_beside_the_self_assessment(db_path, tmp_path, capsys):
    path = tmp_path / "van-quan-t5.xlsx"
    path.write_bytes(xlsx(real_world_sheet))
    assert main(["import", str(path), "--db", str(db_path)]) == 0
    path.write_bytes(xlsx(lambda s: real_world_sheet(s, marks={"Tú Xuyên": [1, 2, 3]})))
    assert main(["import", str(path), "--db", str(db_path), "--layer", "appraised", "--json"]) == 0
    capsys.readouterr()
    from ntm import store

    con = store.connect(db_path)
    rows = dict(
        con.execute("""SELECT layer, count(*) FILTER (WHERE status = 'met') FROM assessments a
                               JOIN units u USING (unit_id) WHERE u.short_name = 'Tú Xuyên' GROUP BY 1""").fetchall()
    )
    con.close()
    assert rows == {"self": 10, "appraised": 3}  # the appraisal did not replace the commune's own report
