"""The whole country as a scope ("Toàn quốc"): the same figures a province sees for itself, on every page.

The sample holds one province (Lạng Sơn), so the country's figures must be exactly the province's."""

import pytest
from streamlit.testing.v1 import AppTest

from ntm import metrics, periods, units

PAGES = ["views/overview.py", "views/criteria.py", "views/targets.py", "views/reports.py", "views/compare.py",
         "views/profile.py", "views/upload.py"]  # fmt: skip


pytestmark = pytest.mark.usefixtures("fresh_caches")  # every AppTest starts on empty Streamlit caches


def test_the_country_counts_what_its_provinces_count(sample_con):
    country = units.national()
    province = units.resolve(sample_con, "Lạng Sơn", start=periods.parse("2020").start)
    for text in ("2020", "2020-05", "2024"):
        period = periods.parse(text)
        set_id = "ntm-2016" if period.year < 2022 else "ntm-2021"
        ours = metrics.commune_scores(sample_con, country, period, set_id)
        theirs = metrics.commune_scores(sample_con, province, period, set_id)
        assert ours["unit_id"].tolist() == theirs["unit_id"].tolist() and ours["met"].tolist() == theirs["met"].tolist()
    assert metrics.yearly_average(sample_con, country).equals(metrics.yearly_average(sample_con, province))
    ranking = metrics.district_ranking(sample_con, country, periods.parse("2020-05"), "ntm-2016")
    assert ranking["district"].tolist() == ["Lạng Sơn"] and ranking["rank"].tolist() == [1]
    for text, set_id in (("2020-05", "ntm-2016"), ("2024", "ntm-2021")):  # no other province "did not report"
        period = periods.parse(text)
        ours = metrics.not_reported(sample_con, country, period, set_id)
        assert (
            ours["unit_id"].tolist() == metrics.not_reported(sample_con, province, period, set_id)["unit_id"].tolist()
        )
        assert metrics.reporting_provinces(sample_con, period, set_id) == ["Lạng Sơn"]
    assert units.resolve(sample_con, "Toàn quốc") == country and units.get(sample_con, units.NATIONAL_ID) == country


def test_the_sidebar_offers_the_country_above_the_provinces(monkeypatch, sample_db):
    monkeypatch.setenv("NTM_DB", str(sample_db))
    at = AppTest.from_file("../app.py", default_timeout=90)
    at.query_params.update({"period": "2020-05", "mode": "month", "province": "20"})
    at.run()
    province_kpis = [m.value for m in at.metric]
    select = at.sidebar.selectbox(key="province")
    assert select.options[0] == "Toàn quốc" and "Lạng Sơn" in select.options
    at = select.set_value("VN").run()
    assert not at.exception, at.exception
    national = [m.value for m in at.metric]
    assert national == province_kpis  # the province's own figures, the level cards (standard, nâng cao …) included
    assert any("trên 1 tỉnh có báo cáo trong kỳ (Lạng Sơn)" in c.value for c in at.caption)
    assert "Toàn quốc" in at.title[0].value
    assert at.sidebar.selectbox(key="district").disabled


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_for_the_whole_country(monkeypatch, sample_db, page):
    monkeypatch.setenv("NTM_DB", str(sample_db))
    at = AppTest.from_file("../app.py", default_timeout=90)
    at.query_params.update({"period": "2024", "mode": "year", "province": "VN"})
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    if page in ("views/compare.py", "views/profile.py"):  # single communes: the page asks for a province
        assert any("chọn tỉnh" in i.value for i in at.info)
    elif page != "views/upload.py":
        assert at.title and "Toàn quốc" in at.title[0].value
