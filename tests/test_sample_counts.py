"""The sample carries villages, nâng cao / kiểu mẫu results and resources, so every new figure shows."""

from datetime import date

from ntm import levels, periods, resources, units, villages
from tests.helpers import van_quan


def test_van_quan_has_villages_levels_and_resources(sample_con):
    district = van_quan(sample_con)
    year = periods.parse("2023")
    s = villages.standing(sample_con, district, year)
    assert s.villages == s.reporting > 100 and 0 < s.at_standard < s.villages
    assert 5 < s.average_met < 11
    assert levels.advanced(sample_con, district, year).average is not None
    assert not levels.model_conditions(sample_con, district, periods.parse("2025-06")).empty
    counts = {c.level: c.count for c in levels.level_counts(sample_con, district, periods.parse("2025-06"))}
    assert counts["standard"] >= counts["advanced"] >= counts["model"] >= 1
    words = " ".join(resources.sentences(resources.figures(sample_con, district, year)))
    assert "hiến 60.533 m² đất" in words and "nhân dân đóng góp 2,1 tỷ đồng" in words
    assert "40.700 công lao động" in words and "9 công trình giao thông" in words
    assert "tuyên truyền lưu động 8 buổi; lồng ghép 119 cuộc với 8.040 lượt người tham dự" in words


def test_the_merged_communes_carry_the_villages_and_figures_of_2025(sample_con):
    province = units.resolve(sample_con, "20", start=date(2025, 12, 1))
    year = periods.parse("2025")
    s = villages.standing(sample_con, province, year)
    assert s.villages == villages.count_listed(sample_con, van_quan(sample_con), date(2023, 1, 1))
    assert s.reporting == s.villages
    assert any(f.cumulative for f in resources.figures(sample_con, province, year))
    assert levels.advanced(sample_con, province, year).average is not None
