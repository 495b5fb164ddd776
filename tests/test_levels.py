"""Advanced and model levels and rankings, from hand-built reports."""

from __future__ import annotations

from datetime import date

from ntm import criterion_rates, i18n, levels, metrics, periods, units
from tests.helpers import MAY_2020, commune, report, van_quan

DEC_2023 = periods.parse("2023-12")
DEC_2024 = date(2024, 12, 1)
NAMES = [
    "Tràng Phái",
    "Tân Đoàn",
    "Yên Phúc",
    "Hữu Lễ",
    "Tú Xuyên",
    "Trấn Ninh",
    "Liên Hội",
    "Hòa Bình",
    "Điềm He",
    "An Sơn",
    "Khánh Khê",
]


def test_average_nang_cao_criteria_per_commune_2_82(con):
    """Quan Sơn 3/2023: "2,82 tiêu chí NTM nâng cao/xã" — 11 communes assessed, 31 nâng cao criteria met."""
    counts = [8, 6, 5, 3, 2, 2, 1, 1, 1, 1, 1]  # 31
    for name, met in zip(NAMES, counts):
        report(con, commune(con, name), "2023-12", met=list(range(1, met + 1)), set_id="nang-cao-2021")
    view = levels.advanced(con, van_quan(con), DEC_2023)
    assert len(view.scores) == 11 and view.basis == "reported"
    assert i18n.fmt_number(view.average, "vi", 2) == "2,82"
    dist = metrics.distribution(view.scores, view.n_criteria).set_index("bin")["communes"].to_dict()
    assert dist == {"19": 0, "15-18": 0, "10-14": 0, "5-9": 3, "<5": 8}
    unmet = criterion_rates.unmet_criteria(con, view.scores, view.set_id)
    assert len(unmet) == 11 * 19 - 31
    assert unmet.loc[unmet["criterion_no"] == 2, "department_vi"].iloc[0] == "Sở Giao thông vận tải"


def test_nang_cao_over_the_communes_at_standard_only(con):
    for name in NAMES[:2]:  # at NTM standard
        report(con, commune(con, name), "2023-12", met=list(range(1, 20)), set_id="ntm-2021")
    report(con, commune(con, NAMES[2]), "2023-12", met=list(range(1, 15)), set_id="ntm-2021")
    for name, met in zip(NAMES[:3], (10, 6, 2)):
        report(con, commune(con, name), "2023-12", met=list(range(1, met + 1)), set_id="nang-cao-2021")
    every = levels.advanced(con, van_quan(con), DEC_2023, basis="reported")
    standard_only = levels.advanced(con, van_quan(con), DEC_2023, basis="at_standard")
    assert every.average == 6 and len(every.scores) == 3
    assert standard_only.average == 8 and len(standard_only.scores) == 2 and standard_only.at_standard == 2


def test_three_levels_side_by_side_and_model_counts_below(con):
    a, b, c, d = (commune(con, n) for n in NAMES[:4])
    for unit in (a, b, c):
        report(con, unit, "2023-12", met=list(range(1, 20)), set_id="ntm-2021")
    report(con, d, "2023-12", met=list(range(1, 12)), set_id="ntm-2021")
    report(con, a, "2023-12", met=list(range(1, 20)), set_id="nang-cao-2021")
    report(con, b, "2023-12", met=list(range(1, 18)), set_id="nang-cao-2021")
    report(con, a, "2023-12", met=[1, 2, 3, 4], set_id="kieu-mau-2021", n=4)
    report(con, c, "2023-12", met=[2, 3], set_id="kieu-mau-2021", n=4)
    counts = {c.level: c for c in levels.level_counts(con, van_quan(con), DEC_2023)}
    base = len(units.communes_under(con, van_quan(con), DEC_2023.end, DEC_2023.end))
    assert (counts["standard"].count, counts["advanced"].count, counts["model"].count) == (3, 1, 1)
    assert counts["standard"].base == base == 14
    assert counts["standard"].share == 3 / 14
    model = levels.model_conditions(con, van_quan(con), DEC_2023).set_index("name")
    assert model.loc["Yên Phúc", "met"] == 2 and list(model.loc["Yên Phúc", "unmet"]) == [1, 4]
    assert model.loc["Yên Phúc", "unmet_names"][0].startswith("1. Đạt chuẩn nông thôn mới nâng cao")
    trend = levels.level_trend(con, van_quan(con))
    assert trend.set_index("level").loc["standard", "count"] == 3


def test_districts_ranked_by_communes_at_standard_as_reports_do(con):
    """ "đứng thứ 24 trong 27 huyện … có số xã hoàn thành": the order of communes at standard, not of averages."""
    province = units.resolve(con, "20", start=MAY_2020)
    full = list(range(1, 20))
    # Văn Quan: 2 at standard, low average (19, 19, 2, 2) = 10.5
    for name, met in zip(["Tràng Phái", "Tân Đoàn", "Tú Xuyên", "Tri Lễ"], (19, 19, 2, 2)):
        report(con, commune(con, name), "2020-05", met=list(range(1, met + 1)))
    # Tràng Định: 1 at standard, high average (19, 18, 18) = 18.33
    for name, met in zip(["Kim Đồng", "Chi Lăng", "Đề Thám"], (19, 18, 18)):
        report(con, commune(con, name, "Tràng Định"), "2020-05", met=list(range(1, met + 1)))
    # Bình Gia: 2 at standard too (19, 19) = 19: ties with Văn Quan on communes at standard
    for name in ["Hồng Phong", "Tân Văn"]:
        report(con, commune(con, name, "Bình Gia"), "2020-05", met=full)
    ranked = levels.rank_districts(con, province, periods.parse("2020-05"), "ntm-2016").set_index("district")
    assert ranked.loc["Văn Quan", ["at_standard", "rank", "of"]].tolist() == [2, 1, 3]
    assert ranked.loc["Bình Gia", "rank"] == 1  # a tie shares the rank
    assert ranked.loc["Tràng Định", ["rank", "rank_average"]].tolist() == [3, 2]
    assert ranked.loc["Văn Quan", "rank_average"] == 3
    by_average = levels.rank_districts(con, province, periods.parse("2020-05"), "ntm-2016", by="average_met")
    assert list(by_average["district"]) == ["Bình Gia", "Tràng Định", "Văn Quan"]
    provinces = levels.rank_provinces(con, periods.parse("2020-05"), "ntm-2016")
    assert provinces[["province", "communes", "at_standard", "rank", "of"]].values.tolist() == [
        ["Lạng Sơn", 9, 5, 1, 1]
    ]


def test_a_province_trend_counts_each_year_over_the_province_of_that_year(sample_con):
    """Lạng Sơn has a row before 7/2025 and one after (the reform): the trend asked of today's province counts 2024
    over the 175 communes of then and 2026 over the 61 of today (the sample's own units)."""
    old, new = units.same_unit(sample_con, units.resolve(sample_con, "20"))
    assert old.valid_to is not None and new.valid_from is not None and old.valid_to < new.valid_from
    trend = levels.level_trend(sample_con, new).set_index(["level", "year"])
    assert trend.loc[("standard", 2024), "base"] == len(units.communes_under(sample_con, old, DEC_2024, DEC_2024))
    assert trend.loc[("standard", 2024), "base"] == 175
    assert trend.loc[("standard", 2026), "base"] == 61
    assert levels.level_trend(sample_con, old).equals(levels.level_trend(sample_con, new))  # either row, one history
