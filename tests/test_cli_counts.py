"""``python -m ntm resources``, ``villages import`` and ``summary --level village`` on hand-built files."""

import json

from ntm.cli import main
from tests.counts_helpers import QUAN_SON_Q1
from tests.counts_helpers import resources_workbook as workbook
from tests.counts_helpers import village_list_workbook as village_workbook
from tests.counts_helpers import village_sheet as _village_sheet


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_resources_import_and_json(db_path, tmp_path, capsys):
    path = tmp_path / "nguon-luc.xlsx"
    path.write_bytes(workbook(QUAN_SON_Q1))
    code, out, _ = run(capsys, "resources", "import", str(path), "--unit", "184", "--db", str(db_path))
    assert code == 0 and "9" in out
    code, out, _ = run(capsys, "resources", "--unit", "Văn Quan", "--period", "2023-03", "--db", str(db_path), "--json")
    assert code == 0
    data = json.loads(out)
    road = next(q for q in data["quantities"] if q["code"] == "road_km")
    assert road["unit"] == "km" and round(road["period"], 2) == round(road["cumulative"], 2) == 71.43
    assert road["plan"] == 100
    assert next(q for q in data["quantities"] if q["code"] == "irrigation_works")["cumulative"] is None
    code, out, _ = run(capsys, "resources", "--unit", "Văn Quan", "--period", "2023", "--db", str(db_path))
    assert "trên 47 tỷ đồng" in out and "71,43" in out


def test_resources_import_rejects_with_cells(db_path, tmp_path, capsys):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(workbook([["", "road_km", "", "ha", "Quý I/2023", "1", None]]))
    code, _, err = run(capsys, "resources", "import", str(path), "--unit", "184", "--db", str(db_path))
    assert code == 1 and "E3" in err


def test_summary_level_village(db_path, tmp_path, capsys):
    villages = tmp_path / "thon.xlsx"
    villages.write_bytes(
        village_workbook(
            [[1, "Thôn 1", "Tú Xuyên"], [2, "Thôn 2", "Tú Xuyên"], [3, "Thôn 1", "Hữu Lễ"], [4, "Thôn 9", "Hữu Lễ"]],
            header=("STT", "Tên thôn", "Xã"),
        )
    )
    code, out, _ = run(
        capsys, "villages", "import", str(villages), "--unit", "Văn Quan", "--period", "2023-12", "--db", str(db_path)
    )
    assert code == 0, out
    results = tmp_path / "ket-qua.xlsx"
    results.write_bytes(_village_sheet())
    code, _, err = run(
        capsys,
        "import",
        str(results),
        "--unit",
        "184",
        "--period",
        "2023-12",
        "--set",
        "thon-ntm-ls",
        "--db",
        str(db_path),
    )
    assert code == 0, err
    code, out, _ = run(
        capsys,
        "summary",
        "--unit",
        "Văn Quan",
        "--period",
        "2023",
        "--level",
        "village",
        "--db",
        str(db_path),
        "--json",
    )
    data = json.loads(out)
    assert (data["set"], data["communes"], data["total_met"], data["average_met"]) == ("thon-ntm-ls", 4, 34, 8.5)
    assert data["distribution"]["11"] == 2
    code, out, _ = run(capsys, "summary", "--unit", "Văn Quan", "--period", "2023", "--db", str(db_path), "--json")
    assert json.loads(out)["communes"] == 0  # commune figures do not count villages
