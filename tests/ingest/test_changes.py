"""The change list before confirming: new, replaces (old → new met), unchanged, "copied, not edited" (left out
unless included), and the communes of the unit with no row."""

from __future__ import annotations

import io

import openpyxl

from ntm import periods
from ntm.ingest.importer import import_file
from tests.helpers import commune, june_template, report

JUNE = periods.parse("2020-06")


def stored(con):
    report(con, commune(con, "Tú Xuyên"), "2020-05", met=[1, 2])  # June: prefilled from May, not edited
    report(con, commune(con, "Tân Đoàn"), "2020-06", met=[1])  # June stored: the same again
    report(con, commune(con, "Hòa Bình"), "2020-06", met=[1, 2])  # June stored: replaced by all met


def test_the_change_list_says_new_replaces_unchanged_and_copied(con):
    stored(con)
    data = june_template(con, {"Hòa Bình": "Đạt", "Trấn Ninh": "Đạt"})
    result = import_file(con, data, "t6.xlsx", dry_run=True)
    assert result.status == "dry-run", [p.located() for p in result.errors]
    kinds = {c.name: (c.kind, c.met_stored, c.met) for c in result.change_list.changes}
    assert kinds == {
        "Trấn Ninh": ("new", None, 19),
        "Hòa Bình": ("replaces", 2, 19),
        "Tân Đoàn": ("unchanged", 1, 1),
        "Tú Xuyên": ("copied", None, 2),
    }
    assert result.left_out == 1 and result.communes == 3 and result.rows == 3 * 19  # Tú Xuyên left out
    absent = {a.name for a in result.change_list.absent}  # Văn Quan has 14 communes (VQ14)
    assert len(absent) == 14 - 4 and "Tú Xuyên" not in absent and "Liên Hội" in absent
    assert result.as_json()["change_list"]["changes"][0]["kind"] in ("new", "replaces", "unchanged", "copied")


def test_a_copied_row_loads_only_when_the_user_includes_it(con):
    stored(con)
    data = june_template(con, {"Trấn Ninh": "Đạt"})
    tu_xuyen = commune(con, "Tú Xuyên").unit_id
    left = import_file(con, data, "t6.xlsx")
    assert left.status == "loaded" and left.left_out == 1
    june = "SELECT count(*) FROM assessments WHERE unit_id = ? AND period = DATE '2020-06-01'"
    assert con.execute(june, [tu_xuyen]).fetchall() == [(0,)]
    included = import_file(con, data, "t6.xlsx", include_copied=[tu_xuyen])
    assert included.status == "loaded" and included.left_out == 0
    assert con.execute(june, [tu_xuyen]).fetchall() == [(19,)]


def test_a_file_of_nothing_but_copies_says_so(con):
    report(con, commune(con, "Tú Xuyên"), "2020-05", met=[1, 2])
    result = import_file(con, june_template(con, {}), "t6.xlsx", dry_run=True)
    assert [p.key for p in result.errors] == ["import.all_copied"] and result.left_out == 1


def test_other_files_are_never_called_copies(con):
    report(con, commune(con, "Tú Xuyên"), "2020-05", met=[1, 2])
    book = openpyxl.load_workbook(io.BytesIO(june_template(con, {})))
    del book["_meta"]  # the same sheet, not our template any more
    buffer = io.BytesIO()
    book.save(buffer)
    result = import_file(con, buffer.getvalue(), "t6.xlsx", unit="Văn Quan", period="2020-06", dry_run=True)
    assert result.status == "dry-run", [p.located() for p in result.errors]
    assert [(c.name, c.kind) for c in result.change_list.changes] == [("Tú Xuyên", "new")]
