"""Layout profiles: a reading settled once by the user, saved with the sheet's fingerprint, used for next month's
file with no questions, and re-checked on every sheet rather than trusted."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from ntm import cli, writes
from ntm.access import AccessDenied, Principal
from ntm.ingest import mapping, profiles
from ntm.ingest.importer import import_file
from tests.helpers import VQ14, preamble_book, real_world_sheet, xlsx

ADMIN = Principal("lan", "admin")
VIEWER = Principal("khach", "viewer")
HEADER = 37  # 0-based row of the "TC1 … TC19" header, under a 32-line preamble and the table's title


def settled(con, month: int = 5):
    [grid] = mapping.grids(preamble_book(month), "t.xlsx")
    return grid, mapping.at_header(grid, mapping.vocabulary(con), HEADER)


def test_the_user_picks_the_header_row_and_the_reading_is_checked_again(con):
    data = preamble_book(5)
    assert [p.key for p in import_file(con, data, "t5.xlsx", unit="Văn Quan", dry_run=True).errors] == [
        "import.no_table"
    ]
    grid, reading = settled(con)
    assert reading.header_rows() == [38] and (reading.first, reading.last) == (38, 53)
    assert reading.one("name").index == 1 and len(reading.by("criterion")) == 19
    result = import_file(con, data, "t5.xlsx", unit="Văn Quan", dry_run=True, readings={grid.sheet: reading})
    assert (result.status, result.rows, result.communes) == ("dry-run", 266, 14)
    assert result.as_json()["layout"]["profile"] is None and result.as_json()["layout"]["header_rows"] == [38]


def test_a_saved_profile_reads_next_months_file_with_no_questions(con):
    grid, reading = settled(con)
    checked = import_file(
        con, preamble_book(5), "t5.xlsx", unit="Văn Quan", dry_run=True, readings={grid.sheet: reading}
    )
    saved = writes.save_profile(con, ADMIN, "Văn Quan tháng", checked)
    assert saved.fingerprint == checked.fingerprints["T5-2020"] and saved.unit_id is not None
    june = preamble_book(6, marks={n: range(1, 13) for n in VQ14})  # same headers, other sheet name and marks
    result = import_file(con, june, "t6.xlsx", unit="Văn Quan", period="2020-06")
    assert (result.status, result.rows, result.profile) == ("loaded", 266, "Văn Quan tháng")
    met = con.execute("SELECT count(*) FROM assessments WHERE status = 'met'").fetchall()[0][0]
    assert met == 14 * 12
    assert json.loads(con.execute("SELECT layout FROM uploads").fetchall()[0][0])["header_rows"] == [38]


def test_a_profile_that_no_longer_fits_is_not_trusted(con):
    grid, reading = settled(con)
    checked = import_file(
        con, preamble_book(5), "t5.xlsx", unit="Văn Quan", dry_run=True, readings={grid.sheet: reading}
    )
    writes.save_profile(con, ADMIN, "vq", checked)
    other = preamble_book(6, names=[f"Thôn {k}" for k in range(14)])  # same headers, rows that are not communes
    auto = import_file(con, other, "t6.xlsx", unit="Văn Quan", period="2020-06", dry_run=True)
    assert auto.status == "rejected" and auto.profile is None
    assert [p.key for p in auto.warnings] == ["profile.not_used"]
    named = import_file(con, other, "t6.xlsx", unit="Văn Quan", period="2020-06", dry_run=True, profile="vq")
    [problem] = named.errors
    assert problem.key == "profile.recheck" and "cột tên xã không còn khớp" in problem.message()


def test_a_named_profile_whose_headers_no_sheet_has_is_refused(con):
    grid, reading = settled(con)
    checked = import_file(
        con, preamble_book(5), "t5.xlsx", unit="Văn Quan", dry_run=True, readings={grid.sheet: reading}
    )
    writes.save_profile(con, ADMIN, "vq", checked)
    plain = xlsx(real_world_sheet)
    result = import_file(con, plain, "t.xlsx", unit="Văn Quan", dry_run=True, profile="vq")
    assert [p.key for p in result.errors] == ["profile.no_match"]


def test_changing_a_columns_meaning(con):
    grid, reading = settled(con)
    changed = mapping.with_meaning(reading, 20, "ignore")  # criterion 19 left out
    assert mapping.meaning_of(changed, 20) == ("ignore", None) and len(changed.by("criterion")) == 18
    changed = mapping.with_meaning(changed, 21, "criterion", 19)  # the "Số tiêu chí đạt" column read as TC19
    result = import_file(con, preamble_book(5), "t.xlsx", unit="Văn Quan", dry_run=True, readings={grid.sheet: changed})
    assert result.status == "rejected" and {p.key for p in result.errors} == {"import.bad_mark"}  # counts, not marks
    back = mapping.with_meaning(mapping.with_meaning(changed, 21, "total"), 20, "criterion", 19)
    assert mapping.meaning_of(back, 21) == ("total", None) and len(back.by("criterion")) == 19
    result = import_file(con, preamble_book(5), "t.xlsx", unit="Văn Quan", dry_run=True, readings={grid.sheet: back})
    assert (result.status, result.rows) == ("dry-run", 266)


def test_saving_and_deleting_need_the_right_to_upload(con):
    grid, reading = settled(con)
    checked = import_file(
        con, preamble_book(5), "t5.xlsx", unit="Văn Quan", dry_run=True, readings={grid.sheet: reading}
    )
    with pytest.raises(AccessDenied):
        writes.save_profile(con, VIEWER, "x", checked)
    with pytest.raises(AccessDenied):
        writes.delete_profile(con, VIEWER, "x")
    assert profiles.all_profiles(con) == []


def test_cli_profile_saves_lists_shows_deletes(db_path, tmp_path, capsys):
    june = tmp_path / "t6.xlsx"
    june.write_bytes(xlsx(real_world_sheet))
    db = ["--db", str(db_path)]
    assert cli.main(["import", str(june), "--unit", "Văn Quan", "--profile", "VQ", *db]) == 0
    capsys.readouterr()
    assert cli.main(["profiles", "list", "--json", *db]) == 0
    [listed] = json.loads(capsys.readouterr().out)["profiles"]
    assert listed["name"] == "VQ" and listed["layout"]["family"] == "communes-as-rows"
    assert cli.main(["import", str(june), "--unit", "Văn Quan", "--profile", "VQ", "--dry-run", "--json", *db]) == 0
    assert json.loads(capsys.readouterr().out)["layout"]["profile"] == "VQ"
    assert cli.main(["profiles", "show", "VQ", *db]) == 0
    assert json.loads(capsys.readouterr().out)["fingerprint"] == listed["fingerprint"]
    assert cli.main(["profiles", "delete", "VQ", *db]) == 0
    assert "Đã xóa bố cục “VQ”" in capsys.readouterr().out
    assert cli.main(["profiles", "list", *db]) == 0
    assert "Chưa có bố cục nào" in capsys.readouterr().out


def test_a_reading_survives_its_json(con):
    _, reading = settled(con)
    back = profiles.reading_of(profiles.layout_json(reading), reading.sheet)
    assert replace(back, last=reading.last) == reading


def test_the_page_grid_starts_above_the_header_and_marks_the_bands(con):
    grid, reading = settled(con)
    shown = mapping.frame(grid, reading)
    assert shown.index[0] == 35 and shown.loc[38, "C"] == "TC1" and shown.loc[39, "B"] == "Trấn Ninh"
    bands = mapping.bands(grid, reading)
    assert bands[37] == "header" and bands[38] == "data" and bands[53] == "total"  # sheet rows 38, 39, 54


def test_the_sheets_own_units_profile_comes_before_another_units(con):
    grid, reading = settled(con)
    fp = profiles.fingerprint(grid, reading)
    other, own, shared = (profiles.Profile(n, u, fp, reading, None, None) for n, u in [("A", 7), ("B", 9), ("P", None)])
    assert profiles.matching([other, shared, own], grid, unit_id=9) is own
    assert profiles.matching([other, shared], grid, unit_id=9) is shared  # then one saved for no unit
    assert profiles.matching([other], grid, unit_id=9) is other  # another unit's template still reads the sheet
    assert profiles.matching([other, own], grid) is other  # the unit not known: the order given
