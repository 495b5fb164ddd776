"""Names and indicator values from a file: look-alikes, invisible characters and impossible numbers."""

from __future__ import annotations

import io

import openpyxl
import pytest

from ntm.ingest.importer import import_file

COMMUNES = ["Trấn Ninh", "Liên Hội", "Tú Xuyên", "Điềm He"]


def district_sheet(names=COMMUNES, indicator: dict | None = None) -> bytes:
    """Văn Quan's May 2020 report: names in column B from row 3, TC1-TC19 in C-U, indicator 17.1 in V."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "T5-2020"
    sheet["A1"] = "UBND HUYỆN VĂN QUAN"
    sheet.append(["STT", "Tên xã"] + [f"TC{i}" for i in range(1, 20)] + ["17.1"])
    for k, name in enumerate(names):
        value = (indicator or {}).get(k, 90)
        sheet.append([k + 1, name] + ["Đạt" if i <= 10 else "Chưa đạt" for i in range(1, 20)] + [value])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def counts(con):
    return con.execute(
        "SELECT (SELECT count(*) FROM units), (SELECT count(*) FROM assessments), (SELECT count(*) FROM uploads)"
    ).fetchall()[0]


@pytest.mark.parametrize(
    ("written", "invisible"),
    [
        ("Trấn\u200b Ninh", "U+200B"),
        ("\u202eTrấn Ninh", "U+202E"),
        ("Trấn Ninh\ufeff", "U+FEFF"),
        ("Trấn\u2066 Ninh", "U+2066"),
    ],
)
def test_invisible_characters_are_removed_and_reported_naming_the_cell(con, written, invisible):
    before = counts(con)
    result = import_file(con, district_sheet([written, *COMMUNES[1:]]), "a.xlsx", accept_new_units=True)
    assert result.status == "loaded" and result.communes == 4
    assert counts(con)[0] == before[0]  # no new commune beside the real Trấn Ninh
    warning = next(w for w in result.warnings if w.key == "import.name_invisible")
    assert (warning.sheet, warning.column, warning.row) == ("T5-2020", "B", 3)
    assert invisible in warning.message("vi") and "Trấn Ninh" in warning.located("vi")
    assert not [w for w in result.warnings if w.key == "import.new_unit"]


@pytest.mark.parametrize("written", ["Liên Hộ\u0456", "Li\u0435n Hội", "Tú Xuy\u0113n\u03bf", "Điềm Ηe"])
def test_a_name_with_look_alike_letters_of_another_script_is_an_error(con, written):
    before = counts(con)
    result = import_file(con, district_sheet([*COMMUNES[:1], written, *COMMUNES[2:]]), "a.xlsx", accept_new_units=True)
    assert result.status == "rejected"
    assert [(p.key, p.column, p.row) for p in result.errors] == [("import.name_script", "B", 4)]
    assert "U+0" in result.errors[0].message("vi")
    assert counts(con) == before  # nothing written, no commune created


def test_compatibility_forms_are_normalised_with_nfkc(con):
    full_width = "Ｔú Ｘuyên"  # full-width T and X, as some input methods type them
    result = import_file(con, district_sheet([*COMMUNES[:2], full_width, COMMUNES[3]]), "a.xlsx")
    assert result.status == "loaded" and result.communes == 4, result.errors


@pytest.mark.parametrize("written", ["Trấn-Ninh", "TrấnNinh", "Tran.Ninh"])
def test_a_new_commune_that_folds_to_an_existing_one_is_refused(con, written):
    before = counts(con)
    result = import_file(con, district_sheet([written, *COMMUNES[1:]]), "a.xlsx", accept_new_units=True)
    assert result.status == "rejected"
    assert [(p.key, p.column, p.row) for p in result.errors] == [("import.new_unit_clash", "B", 3)]
    assert "Xã Trấn Ninh" in result.errors[0].message("vi")
    assert counts(con) == before


def test_a_truly_new_commune_is_still_accepted(con):
    result = import_file(con, district_sheet([*COMMUNES, "Đồng Giáp"]), "a.xlsx", accept_new_units=True)
    assert result.status == "loaded" and result.communes == 5
    assert [w.key for w in result.warnings] == ["import.new_unit"]


@pytest.mark.parametrize(
    ("value", "key"),
    [
        (150, "import.indicator_share_range"),  # 17.1 is a "Tỷ lệ": a share of households
        ("inf", "import.indicator_not_finite"),
        ("-1e308", "import.indicator_negative"),
        (-3, "import.indicator_negative"),
        ("1e400", "import.indicator_not_finite"),
        ("nan", "import.indicator_not_finite"),
    ],
)
def test_indicator_values_are_checked_against_their_kind(con, value, key):
    before = counts(con)
    result = import_file(con, district_sheet(indicator={2: value}), "a.xlsx")
    assert result.status == "rejected"
    assert [(p.key, p.sheet, p.column, p.row) for p in result.errors] == [(key, "T5-2020", "V", 5)]
    assert "17.1" in result.errors[0].message("vi")
    assert counts(con) == before


def test_plausible_indicator_values_load(con):
    result = import_file(con, district_sheet(indicator={0: "85,5", 1: 0, 2: 100, 3: "97 %"}), "a.xlsx")
    assert result.status == "loaded", result.errors
    values = con.execute("SELECT value FROM indicator_values ORDER BY value").fetchall()
    assert [v for (v,) in values] == [0.0, 85.5, 97.0, 100.0]
