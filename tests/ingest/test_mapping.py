"""The upload page's mapping step (``ntm.ingest.mapping``): the user turns a sheet's orientation and picks its
verdict column, and the import reads the sheet the way they said, re-checked on the sheet."""

from __future__ import annotations

import json
from pathlib import Path

from ntm.ingest import mapping
from ntm.ingest.importer import import_file

FILES = Path(__file__).parent.parent / "corpus" / "files"


def test_turning_a_district_summary_reads_its_communes_from_the_columns(con):
    data = (FILES / "f2_district_summary.xlsx").read_bytes()  # criteria as rows, one column per commune
    [grid] = mapping.grids(data, "f2.xlsx")
    vocab = mapping.vocabulary(con)
    assert mapping.at_header(grid, vocab, 2) is None  # its row 3 ("TT, Tiêu chí, Trấn Ninh …") names no criterion
    turned = mapping.at_header(grid, vocab, 1, transposed=True)  # column B, "Tiêu chí", as the header
    assert turned is not None and turned.family == "criteria-as-rows" and turned.transposed
    assert [f.criterion for f in turned.by("criterion")] == list(range(1, 20))
    result = import_file(
        con, data, "f2.xlsx", unit="Văn Quan", period="2020-05", dry_run=True, readings={grid.sheet: turned}
    )
    assert (result.status, result.rows, result.communes) == ("dry-run", 266, 14)
    met = result.facts[result.facts["status"] == "met"].groupby("unit_id").size()
    expected = json.loads((FILES / "f2_district_summary.xlsx.json").read_text())["met"]  # Trấn Ninh 5 … Tràng Phái 19
    assert sorted(met) == sorted(expected.values())  # the file's own verdicts, as detection reads them


def test_the_verdict_column_the_user_picks_is_the_one_read(con):
    data = (FILES / "f3_form_commune_from_sheet_name.xlsx").read_bytes()  # a commune's self-assessment form
    detected = import_file(con, data, "f3.xlsx", unit="Văn Quan", period="2020-05", dry_run=True)
    [choice] = detected.choices
    reading = choice.best
    assert reading.one("verdict").index == 5  # column F, "Tự đánh giá"
    assert (detected.rows, _met(detected)) == (19, 17)
    target = mapping.with_meaning(reading, 3, "verdict")  # column D, "Chỉ tiêu": the target, "Đạt" on every row
    assert target.one("verdict").index == 3 and mapping.meaning_of(target, 5) == ("ignore", None)
    read = import_file(
        con, data, "f3.xlsx", unit="Văn Quan", period="2020-05", dry_run=True, readings={reading.sheet: target}
    )
    assert (read.status, read.rows, _met(read)) == ("dry-run", 19, 19)


def _met(result) -> int:
    return int((result.facts["status"] == "met").sum())
