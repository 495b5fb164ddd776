"""A database is ready from its first byte: catalogue, departments and units are there without the sample."""

import json

from ntm import reference, store
from ntm.cli import main
from tests.helpers import real_world_sheet, xlsx


def test_a_new_database_file_holds_the_reference_data(tmp_path):
    con = reference.connect(tmp_path / "new.duckdb")
    counts = con.execute(
        """SELECT (SELECT count(*) FROM criteria WHERE set_id = 'ntm-2016'),
                  (SELECT count(*) FROM departments WHERE set_id = 'ntm-2016'),
                  (SELECT count(*) FROM units WHERE short_name = 'Văn Quan' AND level = 'district'),
                  (SELECT count(*) FROM assessments)"""
    ).fetchall()[0]
    con.close()
    assert counts == (19, 19, 1, 0)


def test_init_creates_a_database_for_a_province_and_an_import_lands_in_it(tmp_path, capsys):
    db = tmp_path / "moi.duckdb"
    assert main(["init", "--db", str(db), "--province", "Lạng Sơn"]) == 0
    assert "đã sẵn sàng" in capsys.readouterr().out
    con = store.connect(db)
    assert reference.province(con) == "20"
    con.close()
    path = tmp_path / "van-quan-t5.xlsx"
    path.write_bytes(xlsx(real_world_sheet))
    assert main(["import", str(path), "--db", str(db), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["status"], result["rows"], result["communes"]) == ("loaded", 266, 14)


def test_import_into_a_file_that_does_not_exist_yet_works(tmp_path, capsys):
    path = tmp_path / "van-quan-t5.xlsx"
    path.write_bytes(xlsx(real_world_sheet))
    assert main(["import", str(path), "--db", str(tmp_path / "never-made.duckdb"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"] == 266


def test_an_unknown_province_is_a_usage_error(tmp_path, capsys):
    assert main(["init", "--db", str(tmp_path / "x.duckdb"), "--province", "Không Có"]) == 2
    assert "Không có tỉnh" in capsys.readouterr().err
    assert not (tmp_path / "x.duckdb").exists()


def test_provinces_are_today_s_34():
    codes = dict(reference.provinces())
    assert len(codes) == 34 and reference.province_code("lang son") == "20"
