"""Every corpus workbook (tests/corpus/files, made by make_corpus.py) loads into a new database with the figures
written beside it: layout family and header rows, rows, communes, criteria met per commune."""

import json
from pathlib import Path

import pytest

from ntm.ingest import scoring
from ntm.ingest.importer import import_file

FILES = Path(__file__).resolve().parent / "files"
CASES = sorted(p.name[: -len(".json")] for p in FILES.glob("*.json"))


def test_the_corpus_covers_every_family_and_format():
    expected = [json.loads((FILES / f"{name}.json").read_text(encoding="utf-8")) for name in CASES]
    families = {e["family"] for e in expected}
    assert len(CASES) >= 15 and families == {"communes-as-rows", "criteria-as-rows", "form", "long", "template"}
    assert {Path(n).suffix for n in CASES} == {".xlsx", ".xls", ".ods"}
    for family in families:
        assert sum(e["family"] == family for e in expected) >= 2, family


@pytest.mark.parametrize("name", CASES)
def test_a_corpus_workbook_loads_to_its_figures(con, name):
    expected = json.loads((FILES / f"{name}.json").read_text(encoding="utf-8"))
    result = import_file(con, (FILES / name).read_bytes(), name, **expected.get("options", {}))
    assert result.status == "loaded", [p.located("en") for p in result.errors[:5]]
    layout = result.as_json()["layout"]
    assert layout["family"] == expected["family"]
    assert layout["header_rows"] == expected["header_rows"]
    assert layout["confidence"] >= scoring.MIN_CONFIDENCE
    assert (result.rows, result.communes) == (expected["rows"], expected["communes"])
    key = "u.code" if expected.get("key") == "code" else "u.short_name"  # a national file: names repeat
    met = dict(
        con.execute(
            f"""SELECT {key}, count(*) FILTER (WHERE a.status = 'met') FROM assessments a
               JOIN units u USING (unit_id) WHERE a.period = ? AND a.set_id = 'ntm-2016' GROUP BY 1""",
            [expected.get("period", "2020-05") + "-01"],
        ).fetchall()
    )
    assert met == expected["met"]
    if "provinces" in expected:
        provinces = con.execute(
            "SELECT DISTINCT p.short_name FROM assessments a JOIN units c USING (unit_id) "
            "JOIN units p ON p.unit_id = c.province_id ORDER BY 1"
        ).fetchall()
        assert [p for (p,) in provinces] == expected["provinces"]
    if "unit" in expected:
        districts = con.execute(
            "SELECT DISTINCT d.short_name FROM assessments a JOIN units c USING (unit_id) "
            "JOIN units d ON d.unit_id = c.district_id"
        ).fetchall()
        assert districts == [(expected["unit"],)]
