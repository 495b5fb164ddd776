"""Every page renders on the sample and on an empty database, in both languages (AppTest)."""

import re

import pytest
import streamlit as st

from tests.helpers import VIETNAMESE_ONLY, start

PAGES = [
    "views/overview.py",
    "views/criteria.py",
    "views/targets.py",
    "views/compare.py",
    "views/profile.py",
    "views/upload.py",
    "views/reports.py",
]


pytestmark = pytest.mark.usefixtures("fresh_caches")  # every AppTest starts on empty Streamlit caches


def metric(at, index):
    return at.metric[index].value


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_sample_data(monkeypatch, sample_db, page):
    at = start(monkeypatch, sample_db, district="184", period="2020-05", mode="month")
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.title


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_an_empty_database(monkeypatch, db_path, page):
    at = start(monkeypatch, db_path)  # the catalogue and the units, no reports
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert any("Chưa có số liệu" in i.value for i in at.info) or any(
        "Chưa có số liệu" in i.value for i in at.sidebar.info
    )


def test_overview_shows_the_report_figures_in_vietnamese_format(monkeypatch, sample_db):
    at = start(monkeypatch, sample_db, district="184", period="2020-05", mode="month")
    assert not at.exception
    assert metric(at, 0) == "16" and metric(at, 1) == "3" and metric(at, 2) == "10,9" and metric(at, 3) == "174"


def test_changing_a_filter_changes_the_numbers(monkeypatch, sample_db):
    at = start(monkeypatch, sample_db, district="184", period="2020-05", mode="month")
    at.sidebar.selectbox(key="period").set_value("2023-06").run()
    assert metric(at, 2) == "10,5" and metric(at, 0) == "14"
    assert at.query_params["period"] == "2023-06"  # the URL follows the filters


def test_english_switch_changes_labels_and_number_format(monkeypatch, sample_db):
    at = start(monkeypatch, sample_db, district="184", period="2020-05", mode="month", lang="en")
    assert metric(at, 2) == "10.9"
    labels = [m.label for m in at.metric] + [t.value for t in at.title] + [s.value for s in at.subheader]
    labels += [w.label for w in at.sidebar.selectbox] + [w.label for w in at.sidebar.radio]
    labels = [re.sub(r"Huyện Văn Quan|Văn Quan|Lạng Sơn|Tỉnh", "", text) for text in labels]  # proper names stay
    assert labels and not [text for text in labels if VIETNAMESE_ONLY.search(text)]


def test_vietnamese_labels_are_vietnamese(monkeypatch, sample_db):
    at = start(monkeypatch, sample_db, district="184", period="2020-05", mode="month")
    labels = [m.label for m in at.metric] + [w.label for w in at.sidebar.selectbox]
    assert "Bình quân tiêu chí/xã" in labels and "Kỳ báo cáo" in labels
    assert not {"Period", "Province", "District", "Communes reporting"} & set(labels)


def test_upload_page_reverts_an_upload(monkeypatch, sample_copy):
    from ntm import store

    db = sample_copy
    at = start(monkeypatch, db, district="184", period="2020-05", mode="month")
    at.switch_page("views/upload.py").run()
    assert not at.exception
    assert at.selectbox(key="revert_id").value is None and at.button(key="revert").disabled  # nothing preselected
    at.selectbox(key="revert_id").set_value(16).run()  # the template of 3/2026
    at.button(key="revert").click().run()
    assert not at.exception
    st.cache_resource.clear()  # release the app's connection before reading the file here
    con = store.connect(db)
    assert con.execute("SELECT status FROM uploads WHERE upload_id = 16").fetchall() == [("reverted",)]
    assert con.execute("SELECT count(*) FROM assessments WHERE period = DATE '2026-03-01'").fetchall() == [(0,)]
    assert con.execute("SELECT count(*) FROM assessments WHERE period = DATE '2026-02-01'").fetchall()[0][0] > 0
    con.close()


def test_targets_page_shows_every_status_of_the_sample(monkeypatch, sample_db):
    at = start(monkeypatch, sample_db, period="2025", mode="year")
    at.switch_page("views/targets.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="target_year").value == 2026
    badges = " ".join(m.value for m in at.markdown if "-badge[" in m.value)  # not the method explained
    # judged as of the chosen period, 12/2025: every status of the sample's 2026 targets (test_cli, test_sample)
    assert any("12/2025" in c.value for c in at.caption)
    for word in ("Đã đạt: 1", "Đúng tiến độ: 1", "Cần đẩy nhanh: 1", "Tiến độ chậm: 1", "Đang giảm: 1"):
        assert word in badges
    assert "Chưa đủ số liệu" not in badges
    at.selectbox(key="target_year").set_value(2025).run()  # the overdue Văn Quan plans are not in the new province
    assert not at.exception and any("Chưa có mục tiêu" in i.value for i in at.info)


def test_targets_page_in_english(monkeypatch, sample_db):
    at = start(monkeypatch, sample_db, period="2025", mode="year", lang="en")
    at.switch_page("views/targets.py").run()
    assert not at.exception
    assert at.title[0].value.startswith("Targets for 2026")
    badges = " ".join(m.value for m in at.markdown if "-badge[" in m.value)  # not the method explained
    assert "Achieved: 1" in badges and "Not enough data" not in badges  # as of 12/2025, the chosen period


def test_the_layer_filter_switches_to_the_appraisal(monkeypatch, sample_db):
    at = start(monkeypatch, sample_db, district="184", period="2024-11", mode="month")
    assert at.sidebar.selectbox(key="layer").options == ["tự đánh giá", "thẩm định"]
    total = metric(at, 3)
    at.sidebar.selectbox(key="layer").set_value("appraised").run()
    assert not at.exception and int(metric(at, 3)) == int(total) - 1  # Liên Hội's criterion 17 not confirmed
    assert any("thẩm định" in c.value for c in at.caption)
    assert at.query_params["layer"] == "appraised"


@pytest.mark.parametrize(("lang", "share"), [("vi", r"\d+,\d %"), ("en", r"\d+\.\d%")])
def test_the_report_writes_its_shares_the_languages_way(monkeypatch, sample_db, lang, share):
    at = start(monkeypatch, sample_db, district="184", period="2020-05", mode="month", lang=lang)
    at.switch_page("views/reports.py").run()
    assert not at.exception, at.exception
    bins = at.dataframe[0].value  # Bảng 1: communes by criteria met, with their share of those reporting
    shares = bins[bins.columns[-1]].tolist()
    assert shares and all(re.fullmatch(share, s) for s in shares), shares
    counts = bins[bins.columns[1]].tolist()
    first = counts[0] / sum(counts) * 100  # 3 of the 16 communes meet all 19: 18,8 %
    assert shares[0] == (f"{first:.1f}".replace(".", ",") + " %" if lang == "vi" else f"{first:.1f}%")


def test_the_criteria_page_says_when_a_set_has_no_indicator_table(monkeypatch, sample_db):
    """The 2026-2030 set is shipped without its sub-indicators (the decision lists none yet): the page says so and
    how to load them; the 2021-2025 set has its table, and no such line."""
    at = start(monkeypatch, sample_db, period="2026", mode="year")
    at.switch_page("views/criteria.py").run()
    assert not at.exception, at.exception
    assert any("chưa có danh mục chỉ tiêu" in c.value for c in at.caption), [c.value for c in at.caption]
    at = start(monkeypatch, sample_db, period="2024", mode="year")
    at.switch_page("views/criteria.py").run()
    assert not any("chưa có danh mục chỉ tiêu" in c.value for c in at.caption)
