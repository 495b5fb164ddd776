"""The village list workbook: validated before anything is written, every error with its sheet and cell."""

from __future__ import annotations

import pytest

from ntm import loads, village_list, villages
from ntm.problems import Rejected
from tests.counts_helpers import DAY
from tests.counts_helpers import village_list_workbook as workbook
from tests.helpers import commune, van_quan


def test_a_list_loads_villages_under_their_communes(con):
    data = workbook(
        [
            [1, "Thôn Nà Cái", "Tú Xuyên", "T01", None],
            [2, "Khuổi Phầy", "Xã Tú Xuyên", 2, "Bản"],
            [3, "Nà Cái", "Hữu Lễ", None, None],
        ]
    )
    counts = village_list.import_list(con, data, "ds.xlsx", van_quan(con), DAY)
    assert counts["added"] == 3 and counts["updated"] == 0
    listed = villages.villages_of(con, van_quan(con), DAY).set_index("full_name")
    assert listed.loc["Bản Khuổi Phầy", "code"] == "2"
    assert sorted(listed["commune"]) == ["Hữu Lễ", "Tú Xuyên", "Tú Xuyên"]
    upload = con.execute("SELECT source, rows, communes, file_name FROM uploads").fetchall()
    assert upload == [("villages", 3, 2, "ds.xlsx")]
    again = village_list.import_list(
        con, workbook([[1, "Thôn Nà Cái", "Tú Xuyên", "T01B", None]]), "b.xlsx", van_quan(con), DAY
    )
    assert (again["added"], again["updated"]) == (0, 1)  # same commune and name: the same village, new code
    assert villages.count_listed(con, van_quan(con), DAY) == 3
    list_upload = con.execute("SELECT max(upload_id) FROM uploads").fetchall()[0][0]
    with pytest.raises(loads.RevertRefused) as refused:  # a list adds units: edited, never reverted
        loads.revert_upload(con, list_upload)
    assert refused.value.key == "store.revert_village_list"
    assert "danh sách thôn" in refused.value.message("vi") and "village list" in refused.value.message("en")


def test_every_bad_row_is_named_and_nothing_is_written(con):
    data = workbook(
        [
            [1, "Thôn Nà Cái", "Tú Xuyên", "T01", None],
            [2, "Thôn Nà Cái", "Tú Xuyên", None, None],  # repeated
            [3, "Bản Pàn", "Không Có", None, None],  # no such commune
            [4, None, "Hữu Lễ", None, None],  # no name
            [5, "Bản Lạ", "Hữu Lễ", "T01", None],  # code repeated
            [6, "Bản Mới", "Hữu Lễ", None, "Làng xóm"],  # kind not known
            [7, "Bản Khác", None, None, None],  # no commune
        ]
    )
    with pytest.raises(Rejected) as caught:
        village_list.import_list(con, data, "ds.xlsx", van_quan(con), DAY)
    where = [(p.key, p.sheet, f"{p.column}{p.row}") for p in caught.value.errors]
    assert where == [
        ("village_list.duplicate", "Danh sách thôn", "B4"),
        ("village_list.commune", "Danh sách thôn", "C5"),
        ("village_list.no_name", "Danh sách thôn", "B6"),
        ("village_list.duplicate_code", "Danh sách thôn", "D7"),
        ("village_list.bad_kind", "Danh sách thôn", "E8"),
        ("village_list.no_commune", "Danh sách thôn", "C9"),
    ]
    assert "dòng 3" in caught.value.errors[0].message("vi")
    assert con.execute("SELECT count(*) FROM units WHERE level = 'village'").fetchall()[0][0] == 0
    assert con.execute("SELECT count(*) FROM uploads").fetchall()[0][0] == 0


def test_a_sheet_without_the_two_columns_is_refused(con):
    data = workbook([["x", "y"]], header=("STT", "Họ tên"))
    with pytest.raises(Rejected) as caught:
        village_list.import_list(con, data, "ds.xlsx", van_quan(con), DAY)
    assert [p.key for p in caught.value.errors] == ["village_list.no_table"]


def test_a_village_entered_in_the_app(con):
    tu_xuyen = commune(con, "Tú Xuyên")
    village_list.add_one(con, "Bản Khuổi Phầy", tu_xuyen, code="KP")
    with pytest.raises(Rejected) as caught:
        village_list.add_one(con, "Khuổi Phầy", tu_xuyen)
    assert [p.key for p in caught.value.errors] == ["village_list.exists"]
    with pytest.raises(Rejected):
        village_list.add_one(con, "Bản Khác", tu_xuyen, code="KP")
    assert villages.villages_of(con, tu_xuyen, DAY)["full_name"].tolist() == ["Bản Khuổi Phầy"]
