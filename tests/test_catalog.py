import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from ntm import catalog
from ntm.problems import Rejected


def test_builtin_sets_have_their_criteria(con):
    sets = catalog.sets(con).set_index("set_id")
    assert sets.loc["ntm-2016", "n_criteria"] == 19
    assert sets.loc["ntm-2021", "n_criteria"] == 19
    assert sets.loc["ntm-2026", "n_criteria"] == 10
    assert sets.loc["huyen-2021", "level"] == "district"
    crit = catalog.criteria(con, "ntm-2016").set_index("criterion_no")
    assert crit.loc[2, "name_vi"] == "Giao thông"
    assert crit.loc[11, "name_vi"] == "Hộ nghèo"
    assert crit.loc[4, "department_vi"] == "Sở Công Thương"
    assert "2.1" in set(catalog.indicators(con, "ntm-2021")["indicator_code"])


def test_verified_and_source_are_kept(con):
    row = con.execute("SELECT verified, source FROM criteria WHERE set_id='ntm-2016' AND criterion_no=1").fetchall()[0]
    assert row[0] is True and row[1].startswith("https://")


def test_set_in_force_for_a_period(con):
    assert catalog.set_for_period(con, date(2020, 5, 1)) == "ntm-2016"
    assert catalog.set_for_period(con, date(2021, 12, 1)) == "ntm-2016"
    assert catalog.set_for_period(con, date(2022, 1, 1)) == "ntm-2021"
    assert catalog.set_for_period(con, date(2026, 3, 1)) == "ntm-2026"
    assert catalog.set_for_period(con, date(2023, 1, 1), level="commune_advanced") == "nang-cao-2021"


HEADER = [
    "set_id",
    "set_name",
    "decision",
    "criterion_no",
    "criterion_name_vi",
    "criterion_name_en",
    "indicator_code",
    "indicator_name_vi",
    "verified",
    "source",
    "level",
    "valid_from",
    "valid_to",
]


def _book(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "criteria"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_import_a_province_set_from_a_workbook(con):
    data = _book(
        [
            [
                "ls-thon-2022",
                "Bộ tiêu chí thôn NTM Lạng Sơn",
                "QĐ 1494/QĐ-UBND",
                1,
                "Giao thông",
                "Transport",
                "",
                "",
                "no",
                "",
                "village",
                "2022-01-01",
                "",
            ],
            [
                "ls-thon-2022",
                "Bộ tiêu chí thôn NTM Lạng Sơn",
                "QĐ 1494/QĐ-UBND",
                1,
                "Giao thông",
                "Transport",
                "1.1",
                "Đường trục thôn",
                "no",
                "",
                "village",
                "2022-01-01",
                "",
            ],
            [
                "ls-thon-2022",
                "Bộ tiêu chí thôn NTM Lạng Sơn",
                "QĐ 1494/QĐ-UBND",
                2,
                "Điện",
                "Electricity",
                "",
                "",
                "no",
                "",
                "village",
                "2022-01-01",
                "",
            ],
        ]
    )
    counts = catalog.import_workbook(con, data, "thon.xlsx")
    assert counts == {"sets": 1, "criteria": 2, "indicators": 1}
    row = con.execute("SELECT level, n_criteria, valid_from FROM criteria_sets WHERE set_id='ls-thon-2022'").fetchall()[
        0
    ]
    assert row == ("village", 2, date(2022, 1, 1))


def test_editing_a_name_replaces_the_set(con):
    frame = catalog.builtin_frame()
    frame = frame[frame["set_id"] == "ntm-2021"].copy()
    frame.loc[frame["criterion_no"] == "2", "criterion_name_vi"] = "Giao thông nông thôn"
    data = _book(frame[HEADER].values.tolist())
    catalog.import_workbook(con, data, "edit.xlsx")
    crit = catalog.criteria(con, "ntm-2021").set_index("criterion_no")
    assert crit.loc[2, "name_vi"] == "Giao thông nông thôn"
    assert len(crit) == 19


def test_a_bad_catalogue_names_row_and_column_and_writes_nothing(con):
    before = con.execute("SELECT count(*) FROM criteria").fetchall()
    data = _book(
        [
            ["x-1", "Bộ X", "", "hai", "Giao thông", "", "", "", "", "", "", "", ""],
            ["x-1", "Bộ X", "", 3, "", "", "", "", "", "", "", "", ""],
            ["x-1", "Bộ X", "", 4, "Điện", "", "", "", "", "", "", "", ""],
            ["x-1", "Bộ X", "", 4, "Điện", "", "", "", "", "", "", "", ""],
            ["x-1", "Bộ X", "", 7, "Chợ", "", "7.1", "Chợ xã", "", "", "", "", ""],
        ]
    )
    with pytest.raises(Rejected) as caught:
        catalog.import_workbook(con, data, "bad.xlsx")
    found = {(p.key, p.row, p.column) for p in caught.value.errors}
    assert ("catalog.bad_number", 2, "D") in found
    assert ("catalog.missing_value", 3, "E") in found
    assert ("catalog.duplicate", 5, "D") in found
    assert ("catalog.indicator_orphan", 6, "G") in found
    assert con.execute("SELECT count(*) FROM criteria").fetchall() == before


def test_missing_required_column_is_reported():
    problems = catalog.validate(pd.DataFrame({"set_id": ["a"]}))
    assert {p.params["column"] for p in problems} == {"set_name", "criterion_no", "criterion_name_vi"}


def test_sub_indicators_come_in_the_order_the_set_lists_them(con):
    codes = catalog.indicators(con, "ntm-2021").query("criterion_no == 17")["indicator_code"].tolist()
    assert codes[8:] == ["17.9", "17.10", "17.11", "17.12"]  # by number: 17.10 after 17.9, not after 17.1
