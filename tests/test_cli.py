import json
import subprocess
import sys

from ntm import store
from ntm.cli import main
from tests.helpers import plan_book, real_world_sheet, xlsx


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_summary_json_for_van_quan_may_2020(sample_db, capsys):
    code, out, _ = run(capsys, "summary", "--unit", "Văn Quan", "--period", "2020-05", "--db", str(sample_db), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["unit"] == {"code": "184", "name": "Huyện Văn Quan"}
    assert (data["period"], data["set"], data["communes"], data["total_met"]) == ("2020-05", "ntm-2016", 16, 174)
    assert data["average_met"] == 10.88  # the report's "10,9 tiêu chí/xã"
    assert data["distribution"] == {"19": 3, "15-18": 1, "10-14": 3, "5-9": 9, "<5": 0}
    detail = {c["name"]: c for c in data["communes_detail"]}
    assert {n for n, c in detail.items() if c["met"] == 19} == {"Tràng Phái", "Tân Đoàn", "Yên Phúc"}
    assert detail["Hữu Lễ"]["unmet"] == [10, 11, 17]
    assert detail["Tú Xuyên"] == {
        "code": "06277",
        "name": "Tú Xuyên",
        "met": 10,
        "unmet": [2, 4, 5, 6, 9, 11, 15, 16, 17],
    }


def test_summary_accepts_path_code_and_year(sample_db, capsys):
    _, by_path, _ = run(
        capsys, "summary", "--unit", "Lạng Sơn/Văn Quan", "--period", "2023-06", "--db", str(sample_db), "--json"
    )
    _, by_code, _ = run(capsys, "summary", "--unit", "184", "--period", "2023-06", "--db", str(sample_db), "--json")
    assert json.loads(by_path) == json.loads(by_code)
    assert json.loads(by_code)["average_met"] == 10.5 and json.loads(by_code)["set"] == "ntm-2021"


def test_readable_table_in_vietnamese(sample_db, capsys):
    code, out, _ = run(capsys, "summary", "--unit", "Văn Quan", "--period", "2020-05", "--db", str(sample_db))
    assert code == 0
    assert "bình quân 10,9 tiêu chí/xã" in out
    assert "Tú Xuyên" in out and "2, 4, 5, 6, 9, 11, 15, 16, 17" in out


def test_usage_errors_exit_2_with_a_message(sample_db, capsys):
    code, _, err = run(capsys, "summary", "--unit", "Kim Đồng", "--period", "2020", "--db", str(sample_db))
    assert code == 2 and "Tràng Định" in err
    code, _, err = run(capsys, "summary", "--unit", "Văn Quan", "--period", "2020-13", "--db", str(sample_db))
    assert code == 2 and "2020-13" in err
    code, _, err = run(
        capsys, "summary", "--unit", "Văn Quan", "--period", "2020", "--set", "xyz", "--db", str(sample_db)
    )
    assert code == 2 and "ntm-2016" in err


def test_module_entry_point_and_env_override(sample_db, tmp_path):
    env = {"NTM_DB": str(sample_db), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-m", "ntm", "summary", "--unit", "06277", "--period", "2020-05", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["communes"] == 1


def test_sample_command_builds_a_database(sample_build, sample_db):
    """The session's sample database is built by ``python -m ntm sample`` itself (conftest), once."""
    assert sample_build["code"] == 0 and "Đã tạo cơ sở dữ liệu mẫu" in sample_build["out"]
    con = store.connect(sample_db)
    uploads = con.execute("SELECT count(*) FROM uploads").fetchall()[0][0]
    con.close()
    from ntm import sample

    # every workbook of the manifest but the plan (reports, the appraisal, and issue 16's villages and resources)
    assert uploads == len([e for e in sample.manifest() if e.kind != "plan"])


def test_targets_json_lists_each_target_with_gap_pace_and_status(sample_db, capsys):
    # judged at 12/2025: from 1/2026 the 2026-2030 set has under 3 months of reports, too few for a pace
    args = ["targets", "--db", str(sample_db), "--unit", "Lạng Sơn", "--year", "2026", "--as-of", "2025-12", "--json"]
    assert main(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["as_of"] == "2025-12" and result["layer"] == "self"
    statuses = {t["status"] for t in result["targets"]}
    assert {"achieved", "on_track", "needs_acceleration", "limited", "regressing"} <= statuses
    first = result["targets"][0]
    assert {
        "name",
        "level",
        "target_month",
        "plan",
        "unmet",
        "months_left",
        "needed_pace",
        "observed_pace",
        "status",
    } <= set(first)
    assert main(["targets", "--db", str(sample_db), "--unit", "Văn Quan", "--year", "2024"]) == 0
    text = capsys.readouterr().out
    assert "Trấn Ninh" in text and "11/2024" in text and "Đã đạt" in text


def test_targets_import_rejects_a_bad_plan_with_exit_1(db_path, tmp_path, capsys):
    path = tmp_path / "ke-hoach.xlsx"
    path.write_bytes(
        plan_book(
            [
                ("Trấn Ninh", "Văn Quan", "NTM", "11/2024", "KH", None),
                ("Yên Phúc", "Văn Quan", "rất cao", "2025", "KH", None),
            ]
        )
    )
    assert main(["targets", "import", str(path), "--db", str(db_path)]) == 1
    assert "D4" in capsys.readouterr().err
    path.write_bytes(plan_book([("Trấn Ninh", "Văn Quan", "NTM", "11/2024", "KH", None)]))
    assert main(["targets", "import", str(path), "--db", str(db_path), "--json"]) == 0
    assert '"targets": 1' in capsys.readouterr().out
    assert main(["targets", "--db", str(db_path)]) == 2  # neither --unit/--year nor import


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


def test_an_appraisal_loads_as_its_own_layer_beside_the_self_assessment(db_path, tmp_path, capsys):
    path = tmp_path / "van-quan-t5.xlsx"
    path.write_bytes(xlsx(real_world_sheet))
    assert main(["import", str(path), "--db", str(db_path)]) == 0
    path.write_bytes(xlsx(lambda s: real_world_sheet(s, marks={"Tú Xuyên": [1, 2, 3]})))
    assert main(["import", str(path), "--db", str(db_path), "--layer", "appraised", "--json"]) == 0
    capsys.readouterr()
    con = store.connect(db_path)
    rows = dict(
        con.execute("""SELECT layer, count(*) FILTER (WHERE status = 'met') FROM assessments a
                               JOIN units u USING (unit_id) WHERE u.short_name = 'Tú Xuyên' GROUP BY 1""").fetchall()
    )
    con.close()
    assert rows == {"self": 10, "appraised": 3}  # the appraisal did not replace the commune's own report


def test_usage_errors_follow_the_language_asked_for(sample_db, capsys):
    code, _, err = run(
        capsys, "summary", "--unit", "Kim Đồng", "--period", "2020", "--db", str(sample_db), "--lang", "en"
    )
    assert code == 2 and "matches several units" in err and "Tràng Định" in err
    code, _, err = run(
        capsys, "summary", "--unit", "Văn Quan", "--period", "2020-13", "--db", str(sample_db), "--lang", "en"
    )
    assert code == 2 and err.startswith("Invalid period “2020-13”")
    code, _, err = run(
        capsys,
        "summary",
        "--unit",
        "Văn Quan",
        "--period",
        "2020",
        "--set",
        "xyz",
        "--db",
        str(sample_db),
        "--lang",
        "en",
    )
    assert code == 2 and "xyz" in err and "ntm-2016" in err and "Bộ" not in err
