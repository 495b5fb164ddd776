"""The overview's commune table is a selectable dataframe on screen (a row opens the profile) and a whole
table on paper (?print=1): every commune, nothing scrolled."""

from streamlit.testing.v1 import AppTest


def test_the_overview_prints_its_whole_commune_table(monkeypatch, sample_db):
    monkeypatch.setenv("NTM_DB", str(sample_db))
    shown = {}
    for printing in (False, True):
        at = AppTest.from_file("../app.py", default_timeout=120)
        at.query_params.update(
            {"period": "2024", "mode": "year", "district": "184"} | ({"print": "1"} if printing else {})
        )
        at.run()
        assert not at.exception, at.exception
        shown[printing] = at
    screen, paper = shown[False], shown[True]
    assert len(screen.dataframe) == 1 and len(screen.table) == 0
    assert len(paper.dataframe) == 0 and len(paper.table) == 1
    rows = screen.dataframe[0].value
    assert len(rows) == 14  # Văn Quan's communes reporting in 2024 (the overview's first card)
    assert paper.table[0].value.shape[0] == len(rows)
