"""Village figures from hand-built lists and reports: every number below can be checked by counting."""

from __future__ import annotations

from datetime import date

from ntm import data_version, i18n, metrics, periods, unit_summary, units, villages
from ntm.ingest.importer import import_file
from tests.counts_helpers import N_MODEL, N_VILLAGE, assess, make_villages
from tests.counts_helpers import village_sheet as _village_sheet
from tests.helpers import commune, van_quan

DEC_2023 = periods.parse("2023-12")


def test_average_criteria_per_village_7_07(con):
    """Quan Sơn 3/2023: "7,07 tiêu chí NTM/bản" — 14 villages meeting 99 criteria in all."""
    ids = make_villages(con, {"Tú Xuyên": 8, "Hữu Lễ": 6})
    assess(con, ids["Tú Xuyên"][:7], met=7)  # 49
    assess(con, ids["Tú Xuyên"][7:], met=8)  # 8
    assess(con, ids["Hữu Lễ"], met=7)  # 42 → 99 / 14 = 7.0714
    s = villages.standing(con, van_quan(con), DEC_2023)
    assert s.reporting == 14 and s.villages == 14
    assert i18n.fmt_number(s.average_met, "vi", 2) == "7,07"
    scores = villages.village_scores(con, van_quan(con), DEC_2023, "thon-ntm-ls")
    assert metrics.average_met(scores) == 99 / 14


def test_villages_at_standard_and_model_56_and_9(con):
    """Quan Sơn: "56 bản đạt chuẩn NTM; 09 bản đạt chuẩn NTM kiểu mẫu" — by commune and district."""
    ids = make_villages(con, {"Tú Xuyên": 30, "Hữu Lễ": 30, "Tri Lễ": 10})
    at_standard = ids["Tú Xuyên"][:28] + ids["Hữu Lễ"][:28]  # 56
    assess(con, at_standard, met=N_VILLAGE)
    assess(con, ids["Tú Xuyên"][28:] + ids["Hữu Lễ"][28:] + ids["Tri Lễ"], met=6)
    assess(con, ids["Tú Xuyên"][:5] + ids["Hữu Lễ"][:4], met=N_MODEL, set_id="kdc-kieu-mau-ls", n=N_MODEL)
    assess(con, ids["Tú Xuyên"][5:8], met=5, set_id="kdc-kieu-mau-ls", n=N_MODEL)  # assessed, not model
    s = villages.standing(con, van_quan(con), DEC_2023)
    assert (s.villages, s.at_standard, s.model) == (70, 56, 9)
    by_commune = villages.standing_by(con, van_quan(con), DEC_2023).set_index("commune")
    assert by_commune.loc["Tú Xuyên", ["villages", "at_standard", "model"]].tolist() == [30, 28, 5]
    assert by_commune.loc["Hữu Lễ", ["at_standard", "model"]].tolist() == [28, 4]
    assert by_commune.loc["Tri Lễ", ["at_standard", "model"]].tolist() == [0, 0]
    by_district = villages.standing_by(con, van_quan(con), DEC_2023, by="district")
    assert by_district[["villages", "at_standard", "model"]].values.tolist() == [[70, 56, 9]]


def test_share_of_villages_13_of_26_is_50_percent(con):
    """Lộc Bình 2020: "13/26 thôn tại 03 xã biên giới … đạt chuẩn nông thôn mới (đạt 50%)"."""
    ids = make_villages(con, {"Tú Xuyên": 10, "Hữu Lễ": 9, "Tri Lễ": 7})
    assess(con, ids["Tú Xuyên"][:6] + ids["Hữu Lễ"][:4] + ids["Tri Lễ"][:3], met=N_VILLAGE)  # 13
    assess(con, ids["Tú Xuyên"][6:8], met=9)  # two more report, not at standard; the other 11 did not report
    s = villages.standing(con, van_quan(con), DEC_2023)
    assert (s.at_standard, s.villages, s.reporting) == (13, 26, 15)
    assert s.share_at_standard == 0.5
    assert i18n.fmt_percent(s.share_at_standard, "vi", 0) == "50 %"


def test_summary_counts_villages_with_the_commune_keys(con):
    ids = make_villages(con, {"Tú Xuyên": 3})
    assess(con, ids["Tú Xuyên"][:1], met=N_VILLAGE)
    assess(con, ids["Tú Xuyên"][1:2], met=4)
    result = villages.summary(con, van_quan(con), DEC_2023, "thon-ntm-ls")
    communes = unit_summary.summary(con, van_quan(con), DEC_2023, "ntm-2021")
    assert list(result.to_json()) == [k for k in communes.to_json() if k != "view"] + ["level"]
    assert result.communes == 2 and result.total_met == 15 and result.average_met == 7.5
    assert result.distribution == {"11": 1, "10": 0, "5-9": 0, "<5": 1}
    assert [c.name for c in result.not_reported] == ["Thôn 3"]


def test_villages_follow_their_commune_through_the_2025_merger(con):
    ids = make_villages(con, {"Tú Xuyên": 2})
    old = commune(con, "Tú Xuyên")
    new = units.successors(con, old)[0]
    after = date(2025, 9, 1)
    listed = villages.villages_of(con, new, after)
    assert sorted(listed["unit_id"]) == sorted(ids["Tú Xuyên"])
    assert set(listed["commune"]) == {new.short_name}
    province = units.resolve(con, "Lạng Sơn", start=after)
    assert villages.count_listed(con, province, after) == 2
    assert villages.count_listed(con, van_quan(con), date(2023, 1, 1)) == 2


def test_village_goal_is_judged_like_a_commune_goal(con):
    ids = make_villages(con, {"Tú Xuyên": 10})
    assess(con, ids["Tú Xuyên"][:2], met=N_VILLAGE, month="2023-03")
    assess(con, ids["Tú Xuyên"][2:], met=5, month="2023-03")
    assess(con, ids["Tú Xuyên"][:4], met=N_VILLAGE, month="2023-09")
    assess(con, ids["Tú Xuyên"][4:], met=5, month="2023-09")
    before = data_version.data_version(con)
    villages.set_goal(con, van_quan(con), 2023, "villages_at_standard", 5, plan="KH 2023")
    assert data_version.data_version(con) != before  # committed through store.transaction: cached pages read it
    (goal,) = villages.goals(con, van_quan(con), 2023)
    entry = villages.goal_progress(con, van_quan(con), goal, date(2023, 9, 1))
    # 4 now, 2 six months earlier: 1/3 a month observed; 1 more needed in 3 months: on track
    assert entry.current == 4 and entry.status == "on_track"


def test_village_results_upload_through_the_importer_with_commune_group_rows(con):
    make_villages(con, {"Tú Xuyên": 2, "Hữu Lễ": 1})
    data = _village_sheet()
    result = import_file(con, data, "thon.xlsx", unit="184", period="2023-12", set_id="thon-ntm-ls")
    assert result.status == "rejected"  # Hữu Lễ has no "Thôn 9": nothing is written
    (problem,) = result.errors
    assert (problem.sheet, problem.row, problem.column) == ("Thôn 12-2023", 7, "A")
    assert "Thôn 9" in problem.message() and "Hữu Lễ" in problem.message()
    assert con.execute("SELECT count(*) FROM assessments").fetchall()[0][0] == 0
    make_villages(con, {"Hữu Lễ": 9})
    result = import_file(con, data, "thon.xlsx", unit="184", period="2023-12", set_id="thon-ntm-ls")
    assert result.status == "loaded", [p.located() for p in result.errors]
    scores = villages.village_scores(con, van_quan(con), DEC_2023, "thon-ntm-ls")
    assert sorted(zip(scores["commune"], scores["name"], scores["met"])) == [
        ("Hữu Lễ", "Thôn 1", 7),
        ("Hữu Lễ", "Thôn 9", 11),
        ("Tú Xuyên", "Thôn 1", 11),
        ("Tú Xuyên", "Thôn 2", 5),
    ]
    # commune figures are untouched by village reports
    assert metrics.commune_scores(con, van_quan(con), DEC_2023, "thon-ntm-ls").empty


def test_a_village_name_in_two_communes_without_a_group_row_is_ambiguous(con):
    ids = make_villages(con, {"Tú Xuyên": 1, "Hữu Lễ": 1})
    found = villages.resolve_village(con, "Thôn 1", None, van_quan(con), DEC_2023.end)
    assert isinstance(found, villages.Miss) and found.key == "village.ambiguous"
    assert villages.resolve_village(con, "1", None, commune(con, "Hữu Lễ"), DEC_2023.end) == ids["Hữu Lễ"][0]
    assert units.resolve(con, "Tú Xuyên", start=DEC_2023.start, within=van_quan(con)).level == "commune"
