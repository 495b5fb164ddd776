from ntm import metrics, periods, units
from tests.conftest import van_quan


def test_generator_is_deterministic(sample_con):
    from sample_data import generator
    first = generator.facts(sample_con)
    second = generator.facts(sample_con)
    assert first.equals(second)


def test_van_quan_matches_the_district_reports(sample_con):
    district = van_quan(sample_con)
    june_2023 = metrics.summary(sample_con, district, periods.parse("2023-06"), "ntm-2021")
    assert june_2023["communes"] == 14 and june_2023["average_met"] == 10.5
    detail = {c["name"]: c["met"] for c in june_2023["communes_detail"]}
    assert detail["Liên Hội"] == 11
    nov_2024 = metrics.summary(sample_con, district, periods.parse("2024-11"), "ntm-2021")
    assert {c["name"]: c["met"] for c in nov_2024["communes_detail"]}["Trấn Ninh"] == 19


def test_province_history_is_plausible(sample_con):
    province = units.resolve(sample_con, "Lạng Sơn", start=periods.parse("2020").start)
    yearly = metrics.yearly_average(sample_con, province).set_index("year")
    assert list(yearly.index) == [2020, 2021, 2022, 2023, 2024, 2025]
    assert 9 <= yearly.loc[2020, "average_met"] <= 12
    assert yearly.loc[2022, "average_met"] < yearly.loc[2021, "average_met"]  # the stricter 2021 set
    assert yearly.loc[2025, "average_met"] > yearly.loc[2022, "average_met"]
    assert (yearly["at_standard"] > 0).all()


def test_post_2025_communes_report_from_july(sample_con):
    province = units.resolve(sample_con, "Lạng Sơn", start=periods.parse("2025-09").start)
    assert province.valid_from is not None
    summary = metrics.summary(sample_con, province, periods.parse("2025-09"), "ntm-2021")
    assert summary["communes"] > 50
