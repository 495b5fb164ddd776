"""The print view (?print=1) shows whole tables (st.table, every row), not scrolled dataframes."""

import pytest
from streamlit.testing.v1 import AppTest


@pytest.mark.parametrize("page", ["views/targets.py", "views/criteria.py"])
def test_print_view_tables_are_whole(monkeypatch, sample_db, page):
    monkeypatch.setenv("NTM_DB", str(sample_db))
    screens = {}
    for printing in (False, True):
        at = AppTest.from_file("../app.py", default_timeout=120)
        at.query_params.update({"period": "2025-12", "mode": "month"} | ({"print": "1"} if printing else {}))
        at.run()
        at.switch_page(page).run()
        assert not at.exception, at.exception
        read_only = [f for f in at.dataframe if not f.proto.editing_mode]
        screens[printing] = (len(read_only), len(at.table))
    on_screen, printed = screens[False], screens[True]
    assert on_screen[0] >= 2 and on_screen[1] == 0  # scrolled dataframes on screen
    assert printed == (0, on_screen[0])  # every one of them a whole table on paper
