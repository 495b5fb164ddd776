"""``python -m ntm uploads list|revert`` and the CLI's scope checks: an uploader of Văn Quan cannot write
outside it through the command line either, and every CLI write records who ran it."""

import getpass
import json

from ntm import store
from ntm.cli import main
from tests.access_helpers import account, district, filled


def _setup(db_path, tmp_path):
    con = store.connect(db_path)
    account(con, "vq", "uploader", district(con, "Văn Quan"))
    account(con, "lb", "uploader", district(con, "Lộc Bình"))
    files = {}
    for name, status in (("Văn Quan", "Chưa đạt"), ("Lộc Bình", "Đạt")):
        files[name] = tmp_path / f"{name}.xlsx"
        files[name].write_bytes(filled(con, name, status))
    con.close()
    return files


def _rows(db_path, sql):
    con = store.connect(db_path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_an_uploader_of_van_quan_cannot_import_or_revert_outside_it(db_path, tmp_path, capsys):
    files = _setup(db_path, tmp_path)
    db = ["--db", str(db_path)]
    assert main(["import", str(files["Lộc Bình"]), *db, "--by", "vq", "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "rejected" and "Văn Quan" in out["errors"][0]["message"]
    assert _rows(db_path, "SELECT count(*) FROM assessments") == [(0,)]
    assert main(["import", str(files["Lộc Bình"]), *db, "--by", "lb"]) == 0
    assert main(["import", str(files["Văn Quan"]), *db, "--by", "vq"]) == 0
    capsys.readouterr()
    lb_upload, vq_upload = (r[0] for r in _rows(db_path, "SELECT upload_id FROM uploads ORDER BY 1"))
    assert main(["uploads", "revert", str(lb_upload), *db, "--by", "vq", "--json"]) == 1
    refused = json.loads(capsys.readouterr().out)
    assert refused["status"] == "refused" and "Huyện Văn Quan" in refused["reason"]
    assert _rows(db_path, "SELECT status FROM uploads ORDER BY upload_id") == [("loaded",), ("loaded",)]
    assert main(["uploads", "revert", str(vq_upload), *db, "--by", "vq", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"status": "reverted", "upload_id": vq_upload, "rows": 14 * 19}
    who = _rows(db_path, "SELECT DISTINCT actor, via, action FROM audit WHERE action <> 'user_add' ORDER BY ALL")
    assert who == [("lb", "cli", "upload"), ("vq", "cli", "revert"), ("vq", "cli", "upload")]


def test_uploads_list_by_unit_and_json(db_path, tmp_path, capsys):
    files = _setup(db_path, tmp_path)
    db = ["--db", str(db_path)]
    for name in ("Lộc Bình", "Văn Quan"):
        assert main(["import", str(files[name]), *db]) == 0  # no --by: the OS user
    capsys.readouterr()
    assert main(["uploads", "list", *db, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["uploads"]
    assert [u["file_name"] for u in listed] == ["Văn Quan.xlsx", "Lộc Bình.xlsx"]
    assert {u["uploaded_by"] for u in listed} == {getpass.getuser()}
    assert set(listed[0]) == {
        "upload_id",
        "uploaded_at",
        "uploaded_by",
        "file_name",
        "source",
        "rows",
        "communes",
        "status",
    }
    assert main(["uploads", "list", "--unit", "Lạng Sơn/Văn Quan", *db, "--json"]) == 0
    assert [u["file_name"] for u in json.loads(capsys.readouterr().out)["uploads"]] == ["Văn Quan.xlsx"]
    assert main(["uploads", "list", *db, "--by", "vq", "--json"]) == 0  # an account sees its scope only
    assert [u["file_name"] for u in json.loads(capsys.readouterr().out)["uploads"]] == ["Văn Quan.xlsx"]
    assert main(["uploads", "list", *db]) == 0
    table = capsys.readouterr().out
    assert "Văn Quan.xlsx" in table and "đang dùng" in table
    assert main(["uploads", "revert", str(listed[0]["upload_id"]), *db]) == 0
    capsys.readouterr()
    # reverted, its rows are gone: still listed under its unit (from the audit log)
    assert main(["uploads", "list", "--unit", "Lạng Sơn/Văn Quan", *db, "--json"]) == 0
    assert [u["status"] for u in json.loads(capsys.readouterr().out)["uploads"]] == ["reverted"]


def test_uploads_revert_exit_codes(db_path, tmp_path, capsys):
    files = _setup(db_path, tmp_path)
    db = ["--db", str(db_path)]
    assert main(["import", str(files["Văn Quan"]), *db]) == 0
    capsys.readouterr()
    assert main(["uploads", "revert", "999", *db]) == 2  # no such upload: usage
    assert "999" in capsys.readouterr().err
    assert main(["uploads", "revert", "1", *db, "--by", "không-có-ai"]) == 2  # not an account
    assert main(["uploads", "revert", "1", *db]) == 0
    assert main(["uploads", "revert", "1", *db, "--json"]) == 1  # already reverted: the store refuses
    refused = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert refused["status"] == "refused" and refused["reason"]


def test_reads_are_scope_checked_in_the_cli(db_path, tmp_path, capsys):
    _setup(db_path, tmp_path)
    db = ["--db", str(db_path)]
    assert main(["summary", "--unit", "Lạng Sơn/Lộc Bình", "--period", "2020-05", *db, "--by", "vq"]) == 1
    assert "Văn Quan" in capsys.readouterr().err
    assert main(["summary", "--unit", "Lạng Sơn/Văn Quan", "--period", "2020-05", *db, "--by", "vq"]) == 0


def test_a_busy_database_says_how_to_back_up_from_the_app(db_path, tmp_path, capsys):
    import subprocess
    import sys

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,sys,time; c=duckdb.connect({str(db_path)!r}); print('ok'); sys.stdout.flush(); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        assert main(["backup", str(tmp_path / "b.duckdb"), "--db", str(db_path)]) == 2
        err = capsys.readouterr().err
        assert "Quản trị → Sao lưu" in err and "Tạo bản sao lưu" in err
    finally:
        holder.kill()
        holder.wait()
