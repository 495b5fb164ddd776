"""The app's first start on a missing database asks: demo data, or an empty database for a province."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from ntm import reference, store

pytestmark = pytest.mark.usefixtures("fresh_caches")  # every AppTest starts on empty Streamlit caches


def test_the_first_start_asks_and_an_empty_database_opens_on_the_upload_guide(monkeypatch, tmp_path):
    db = tmp_path / "ntm.duckdb"
    monkeypatch.setenv("NTM_DB", str(db))
    at = AppTest.from_file("../app.py", default_timeout=120).run()
    assert not at.exception and not db.exists()  # nothing is created before the user chooses
    assert at.title[0].value == "Bắt đầu với NTM Dashboard"
    at.radio(key="setup_choice").set_value("empty").run()
    at.selectbox(key="setup_province").set_value("20").run()
    at.button(key="setup_start").click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Tải dữ liệu báo cáo của xã"
    assert any("Bắt đầu: ba bước" in m.value for m in at.markdown)
    st.cache_resource.clear()  # the app's connection holds the file
    con = store.connect(db)
    assert reference.province(con) == "20"
    assert con.execute("SELECT count(*) FROM units").fetchall()[0][0] > 10_000
    assert con.execute("SELECT count(*) FROM assessments").fetchall()[0][0] == 0
    con.close()
