"""The upload page's revert list offers only uploads that can be reverted, and says why the others cannot."""

from __future__ import annotations

import streamlit as st
from streamlit.testing.v1 import AppTest

from ntm import store
from tests.helpers import commune, report


def test_the_revert_list_offers_only_what_can_be_reverted(monkeypatch, db_path):
    con = store.connect(db_path)
    tu_xuyen = commune(con, "Tú Xuyên")
    first = report(con, tu_xuyen, "2020-05", met=[1, 2])
    second = report(con, tu_xuyen, "2020-05", met=[1, 2, 3])  # replaces the first
    con.close()
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv("NTM_DB", str(db_path))
    at = AppTest.from_file("../../app.py", default_timeout=90)
    at.query_params["district"] = "184"
    at.query_params["period"] = "2020-05"
    at.run()
    at.switch_page("views/upload.py").run()
    assert not at.exception
    assert at.selectbox(key="revert_id").options == [str(second)]
    assert any(f"lần {first} ← cần hoàn tác {second} trước" in c.value for c in at.caption)
    assert at.selectbox(key="revert_id").value is None and at.button(key="revert").disabled  # nothing preselected
    at.selectbox(key="revert_id").set_value(second).run()
    at.button(key="revert").click().run()
    assert not at.exception
    assert at.selectbox(key="revert_id").options == [str(first)]  # now the first one can go too
    st.cache_resource.clear()
    con = store.connect(db_path)
    assert con.execute("SELECT count(*), count(DISTINCT criterion_no) FROM assessments").fetchall() == [(19, 19)]
    assert con.execute("SELECT DISTINCT upload_id FROM assessments").fetchall() == [(first,)]
    con.close()
