"""The levels, villages and resources pages render on the sample and on an empty database, in both languages."""

import pytest

from tests.helpers import VIETNAMESE_ONLY, start

pytestmark = pytest.mark.usefixtures("fresh_caches")  # every AppTest starts on empty Streamlit caches

PAGES = ["views/levels.py", "views/villages.py", "views/resources.py"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_page_renders_on_sample_data(monkeypatch, sample_db, page, lang):
    at = start(monkeypatch, sample_db, district="184", period="2023", mode="year", lang=lang)
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.title and (at.metric or at.dataframe), "figures are shown on first start"
    if lang == "en":
        shown = " ".join(m.label for m in at.metric) + " " + at.title[0].value
        assert not VIETNAMESE_ONLY.search(shown.replace("Huyện Văn Quan", "")), shown


def test_villages_page_states_the_share(monkeypatch, sample_db):
    at = start(monkeypatch, sample_db, district="184", period="2023", mode="year")
    at.switch_page("views/villages.py").run()
    text = " ".join(m.value for m in at.markdown)
    assert "tiêu chí NTM/thôn" in text and "thôn, bản đạt chuẩn NTM (đạt" in text


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_an_empty_database(monkeypatch, db_path, page):
    at = start(monkeypatch, db_path)  # the catalogue and the units, no reports
    at.switch_page(page).run()
    assert not at.exception, at.exception
