"""``python -m ntm users add|list|disable`` and ``backup``/``restore`` on the command line."""

import io
import json

from ntm import store
from ntm.cli import main


def test_users_add_list_disable(db_path, monkeypatch, capsys):
    db = ["--db", str(db_path)]
    monkeypatch.setattr("sys.stdin", io.StringIO("mật-khẩu-dài-1\n"))
    assert main(["users", "add", "qtri", "--role", "admin", "--password-stdin", *db]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("mật-khẩu-dài-2\n"))
    assert (
        main(
            [
                "users",
                "add",
                "vq",
                "--role",
                "uploader",
                "--unit",
                "Lạng Sơn/Văn Quan",
                "--password-stdin",
                *db,
                "--by",
                "qtri",
            ]
        )
        == 0
    )
    assert "Huyện Văn Quan" in capsys.readouterr().out
    assert main(["users", "add", "sso@tinh.gov.vn", "--role", "viewer", "--no-password", *db, "--by", "qtri"]) == 0
    # an uploader manages no accounts
    assert main(["users", "add", "x", "--role", "admin", "--no-password", *db, "--by", "vq"]) == 1
    capsys.readouterr()
    assert main(["users", "list", "--json", *db, "--by", "qtri"]) == 0
    listed = {u["username"]: u for u in json.loads(capsys.readouterr().out)}
    assert listed["vq"]["scopes"] == ["Văn Quan"] and listed["vq"]["role"] == "uploader"
    assert listed["sso@tinh.gov.vn"]["has_password"] is False and listed["qtri"]["scopes"] == []
    assert main(["users", "disable", "vq", *db, "--by", "qtri"]) == 0
    assert main(["users", "list", *db, "--by", "qtri"]) == 0
    assert "đã khoá" in capsys.readouterr().out
    con = store.connect(db_path)
    log = con.execute("SELECT actor, action, ref FROM audit ORDER BY audit_id").fetchall()
    con.close()
    assert log[-1] == ("qtri", "user_disable", "vq") and ("qtri", "user_add", "vq") in log


def test_backup_and_restore_commands(db_path, tmp_path, capsys):
    db = ["--db", str(db_path)]
    out = tmp_path / "sao-luu.duckdb"
    assert main(["backup", str(out), *db]) == 0
    assert out.is_file() and "sao-luu.duckdb" in capsys.readouterr().out
    assert main(["backup", str(out), *db]) == 2  # never overwrites
    assert main(["restore", str(out), *db]) == 0
    assert "Đã khôi phục" in capsys.readouterr().out
    assert main(["restore", str(tmp_path / "none.duckdb"), *db]) == 2
    con = store.connect(db_path)
    assert con.execute("SELECT action FROM audit").fetchall() == [("restore",)]
    con.close()
