"""On the sample (Lạng Sơn 2020 – 3/2026): the province compared with itself across the reform, the 2020 merged
communes under their successors, the CLI's --view and province names, and the shared filters (AppTest)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ntm import comparison, history, lineage, periods, units
from ntm.cli import main
from tests.helpers import start

pytestmark = pytest.mark.usefixtures("fresh_caches")  # every AppTest starts on empty Streamlit caches


def test_the_2025_province_is_compared_with_its_2024_self(sample_con):
    province = units.resolve(sample_con, "Lạng Sơn", start=date(2025, 1, 1), end=date(2025, 12, 1))
    assert province.valid_from == date(2025, 7, 1)  # one unit, the later row
    yoy = comparison.year_on_year(sample_con, province, periods.parse("2025"), "ntm-2021")
    assert yoy.earlier_set == "ntm-2021" and not yoy.sets.crosses
    assert yoy.communes_before > 150  # the pre-reform communes of 2024
    assert yoy.sets.average_before == pytest.approx(12.9, abs=0.05)  # the 12,9 of the trend
    assert yoy.sets.delta is not None and yoy.at_standard_before is not None


def test_the_2020_merged_communes_show_under_their_successor_today(sample_con):
    van_quan = units.resolve(sample_con, "Lạng Sơn/Văn Quan", start=date(2020, 5, 1))
    dong_giap = units.resolve(sample_con, "Đồng Giáp", start=date(2020, 5, 1), within=van_quan, prefer="commune")
    assert dong_giap.historical
    successor = lineage.successors_today(sample_con, dong_giap)
    assert [u.short_name for u in successor] == ["Khánh Khê"] and successor[0].valid_from == date(2025, 7, 1)
    today = history.scores(sample_con, van_quan, periods.parse("2020-05"), "ntm-2016", lens=history.Lens("today"))
    row = today[today["unit_id"] == successor[0].unit_id].iloc[0]
    assert row["predecessors"] == 5  # Đồng Giáp, Tràng Các, the old Khánh Khê and two Cao Lộc communes
    then = history.scores(sample_con, van_quan, periods.parse("2020-05"), "ntm-2016")
    assert len(then) == 16 and {"Đồng Giáp", "Tràng Các"} <= set(then["name"])


def test_cli_summary_views_and_a_province_name_in_2025(sample_db, capsys):
    assert main(["summary", "--db", str(sample_db), "--unit", "Lạng Sơn", "--period", "2025", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["view"] == "then" and result["communes"] == 61
    args = ["summary", "--db", str(sample_db), "--unit", "Văn Quan", "--period", "2020-05", "--json"]
    assert main([*args, "--view", "today"]) == 0
    today = json.loads(capsys.readouterr().out)
    assert today["view"] == "today" and today["rule"] == "strict"
    names = [c["name"] for c in today["communes_detail"]]
    assert "Khánh Khê" in names and "Đồng Giáp" not in names and len(names) < 16
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["communes"] == 16  # then (default): as the district reported


def test_cli_groupings_round_trip(sample_db, tmp_path, capsys):
    import shutil

    db = tmp_path / "g.duckdb"
    shutil.copy(sample_db, db)
    assert (
        main(
            [
                "groups",
                "set",
                "--db",
                str(db),
                "--province",
                "Lạng Sơn",
                "--name",
                "Cụm 1",
                "--communes",
                "Khánh Khê, Văn Quan",
            ]
        )
        == 0
    )
    assert "Cụm 1" in capsys.readouterr().out
    assert main(["groups", "list", "--db", str(db), "--province", "Lạng Sơn", "--json"]) == 0
    found = {g["name"]: g for g in json.loads(capsys.readouterr().out)}
    assert found["Cụm 1"]["communes"] == ["Văn Quan", "Khánh Khê"] or set(found["Cụm 1"]["communes"]) == {
        "Văn Quan",
        "Khánh Khê",
    }
    assert found["Văn Quan"]["kind"] == "former_district"
    assert (
        main(["groups", "set", "--db", str(db), "--province", "Lạng Sơn", "--name", "Cụm 2", "--communes", "Không Có"])
        == 2
    )  # nothing written
    pop = tmp_path / "dan-so.csv"
    pop.write_text("unit,population\nKhánh Khê,9000\nVăn Quan/Đồng Giáp,1200\n", encoding="utf-8")
    assert main(["populations", "import", str(pop), "--db", str(db), "--province", "Lạng Sơn"]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("unit,population\nKhánh Khê,nhiều\n", encoding="utf-8")
    assert main(["populations", "import", str(bad), "--db", str(db), "--province", "Lạng Sơn"]) == 1


def test_the_period_picker_keeps_the_district_and_the_time(monkeypatch, sample_db):
    at = start(monkeypatch, sample_db, district="184", period="2024-05", mode="month")
    assert not at.exception
    at.sidebar.radio(key="mode").set_value("year").run()
    assert at.sidebar.selectbox(key="period").value == "2024" and at.sidebar.selectbox(key="district").value == "184"
    at.sidebar.radio(key="mode").set_value("month").run()
    assert at.sidebar.selectbox(key="period").value == "2024-12"  # the year's latest month, not 3/2026
    at.sidebar.selectbox(key="period").set_value("2025-09").run()
    assert at.sidebar.selectbox(key="district").value == "d:184"  # Văn Quan as a former district
    assert not at.exception


def test_compare_for_the_province_in_2025_offers_groupings_not_districts(monkeypatch, sample_db):
    at = start(monkeypatch, sample_db, period="2025", mode="year")
    at.switch_page("views/compare.py").run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "huyện cũ hoặc nhóm xã" in captions and "chọn một huyện ở" not in captions
    options = at.sidebar.selectbox(key="district").options
    assert "Huyện cũ: Văn Quan" in options
    since = at.selectbox(key="compare_since").options
    assert since[0] == "2024"  # same set: the year itself
    older = [o for o in since if o.startswith(("2020", "2021"))]
    assert older and all("Bộ tiêu chí 2016-2020" in o for o in older)  # comparable criteria only, and it says so


def test_every_page_renders_in_the_today_view(monkeypatch, sample_db):
    for page in ("views/overview.py", "views/compare.py", "views/profile.py", "views/reports.py"):
        at = start(monkeypatch, sample_db, period="2023", mode="year", view="today", lang="en")
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
