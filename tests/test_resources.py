"""Resources, works and activities: hand-built uploads reproduce the reports' sentences."""

from __future__ import annotations

import io

import openpyxl
import pytest

from ntm import loads, periods, resources
from ntm.ingest import quantities
from tests.counts_helpers import QUAN_SON_Q1
from tests.counts_helpers import load_resources as load
from tests.counts_helpers import resources_workbook as workbook
from tests.helpers import van_quan


def test_figures_and_the_report_sentence_47_ty_dong_and_71_43_km(con):
    load(con, QUAN_SON_Q1)
    figs = {f.quantity.code: f for f in resources.figures(con, van_quan(con), periods.parse("2023-03"))}
    assert (
        round(sum(figs[c].cumulative for c in ("money_state", "money_credit", "money_business", "money_people")), 2)
        == 47.35
    )
    assert round(figs["road_km"].cumulative, 2) == 71.43
    assert figs["road_km"].plan == 100 and round(figs["road_km"].plan_share, 4) == 0.7143
    assert figs["money_people"].cumulative == 4.1  # 2.100 triệu đồng = 2,1 tỷ đồng
    assert figs["irrigation_works"].cumulative is None
    lines = resources.sentences(list(figs.values()))
    assert lines[0].startswith("Tổng nguồn lực huy động được trên 47 tỷ đồng (ngân sách nhà nước 30,15 tỷ đồng;")
    assert "Người dân hiến 60.533 m² đất." in lines
    assert "Xây mới, cải tạo nâng cấp 71,43 km đường giao thông nông thôn." in lines
    assert "Công tác tuyên truyền: tuyên truyền lưu động 8 buổi." in lines
    english = resources.sentences(list(figs.values()), "en")
    assert english[0].startswith("Resources mobilised: over 47 billion VND in all")


def test_per_period_and_cumulative_values(con):
    load(con, QUAN_SON_Q1)
    load(
        con,
        [
            ["Tú Xuyên", "road_km", "", "km", "4/2023", "5,5", None],
            ["Tú Xuyên", "road_km", "", "km", "5/2023", "1,2", None],
        ],
    )
    vq = van_quan(con)
    may = {f.quantity.code: f for f in resources.figures(con, vq, periods.parse("2023-05"))}["road_km"]
    assert may.period_value == 1.2 and round(may.cumulative, 2) == 78.13
    march = {f.quantity.code: f for f in resources.figures(con, vq, periods.parse("2023-03"))}["road_km"]
    assert round(march.period_value, 2) == 71.43  # the quarter counts in its last month
    year = {f.quantity.code: f for f in resources.figures(con, vq, periods.parse("2023"))}["road_km"]
    assert round(year.period_value, 2) == round(year.cumulative, 2) == 78.13
    nothing_yet = {f.quantity.code: f for f in resources.figures(con, vq, periods.parse("2023-02"))}["road_km"]
    assert nothing_yet.cumulative is None and nothing_yet.plan == 100


def test_a_second_upload_of_the_same_key_replaces_and_can_be_reverted(con):
    load(con, QUAN_SON_Q1)
    second = load(con, [["Tú Xuyên", "road_km", "", "km", "Quý I/2023", "41", None]])

    def road():
        return {f.quantity.code: f for f in resources.figures(con, van_quan(con), periods.parse("2023-03"))}["road_km"]

    assert round(road().cumulative, 2) == 72.3
    resources.revert(con, second)
    assert round(road().cumulative, 2) == 71.43


def test_a_quantities_upload_a_later_one_replaced_is_reverted_only_after_it(con):
    first = load(con, QUAN_SON_Q1)
    second = load(con, [["Tú Xuyên", "road_km", "", "km", "Quý I/2023", "41", None]])
    assert loads.revert_blockers(con) == {first: [second]}
    with pytest.raises(loads.RevertRefused) as refused:
        resources.revert(con, first)
    assert refused.value.key == "store.revert_blocked" and refused.value.params["first"] == second
    resources.revert(con, second)
    assert resources.revert(con, first) == len(QUAN_SON_Q1)
    assert loads.revert_blockers(con) == {}


def test_bad_rows_are_named_and_nothing_is_written(con):
    load(con, QUAN_SON_Q1)
    rows = [
        ["Tú Xuyên", "road_km", "", "km", "3/2023", "2", None],  # a month inside the stored quarter
        ["", "road_km", "", "km", "Quý II/2023", "5", None],  # district total …
        ["Tú Xuyên", "road_km", "", "km", "Quý II/2023", "3", None],  # … beside a commune's value
        ["", "no_such", "", "", "Quý II/2023", "1", None],
        ["", "money_state", "", "ha", "Quý II/2023", "1", None],
        ["Tú Xuyên", "mobile_sessions", "", "", "Quý II/2023", "1", None],
        ["", "labour_days", "", "", "Quý 5/2023", "1", None],
        ["", "labour_days", "", "", "Quý II/2023", "nhiều", None],
        ["Không Có", "labour_days", "", "", "Quý II/2023", "1", None],
    ]
    parsed, upload_id = quantities.import_file(con, workbook(rows), "x.xlsx", unit="184")
    assert upload_id is None
    found = sorted((p.key, p.row, p.column) for p in parsed.errors)
    assert found == sorted(
        [
            ("resources.overlap", 3, None),
            ("resources.overlap", 4, None),
            ("resources.unknown", 6, "C"),
            ("resources.bad_uom", 7, "E"),
            ("resources.district_only", 8, "B"),
            ("resources.bad_period", 9, "F"),
            ("resources.bad_number", 10, "G"),
            ("resources.unit", 11, "B"),
        ]
    )
    assert con.execute("SELECT count(*) FROM quantity_values").fetchall()[0][0] == len(QUAN_SON_Q1)


def test_the_template_reads_back(con):
    data = quantities.template(con, van_quan(con), periods.parse("2023-06"))
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Nguon luc"]
    codes = [sheet.cell(row=r, column=3).value for r in range(5, 5 + len(resources.catalogue()))]
    assert codes == [q.code for q in resources.catalogue()]
    sheet.cell(row=5, column=7).value = 12.5
    out = io.BytesIO()
    book.save(out)
    parsed, upload_id = quantities.import_file(con, out.getvalue(), "mau.xlsx")
    assert upload_id and not parsed.errors
    june = resources.figures(con, van_quan(con), periods.parse("2023-06"))
    assert june[0].period_value == 12.5 and june[0].quantity.code == "money_state"


def test_numbers_the_vietnamese_way():
    assert [resources.fmt_quantity(v) for v in (60533, 2.1, 71.43, 40700, 0.5)] == [
        "60.533",
        "2,1",
        "71,43",
        "40.700",
        "0,5",
    ]
    assert resources.fmt_quantity(60533, "en") == "60,533"
    assert [quantities.number(v) for v in ("60.533", "2,1", "1.234,5", 7, "")] == [60533, 2.1, 1234.5, 7, None]
    assert quantities.period_span("Quý III/2023")[1] == 3 and quantities.period_span("2023-Q4")[0].month == 12
