"""The app's sign-in gate (signin.py) and the pages' writes, driven through AppTest: on 127.0.0.1 one local
user, anywhere else an account; an uploader of Văn Quan cannot write outside it through the page."""

import pytest
import streamlit as st
from streamlit import config
from streamlit.testing.v1 import AppTest

from ntm import store, units, writes
from tests.access_helpers import ROOT, account, district, filled

PASSWORD = "mật-khẩu-dài-1"


pytestmark = pytest.mark.usefixtures("fresh_caches")  # every AppTest starts on empty Streamlit caches


@pytest.fixture
def served(db_path, tmp_path):
    """A database with May 2020 for Văn Quan and Lộc Bình, accounts for each, and the app served beyond
    this machine (0.0.0.0)."""
    con = store.connect(db_path)
    for name in ("Văn Quan", "Lộc Bình"):
        assert writes.import_upload(con, ROOT, filled(con, name, "Chưa đạt"), f"{name}.xlsx").status == "loaded"
    account(con, "vq", "uploader", district(con, "Văn Quan"), password=PASSWORD)
    account(con, "xem", "viewer", district(con, "Văn Quan"), password=PASSWORD)
    (tmp_path / "loc-binh.xlsx").write_bytes(filled(con, "Lộc Bình", "Đạt"))
    con.close()
    config.set_option("server.address", "0.0.0.0")
    return db_path


def open_app(monkeypatch, db, **query) -> AppTest:
    monkeypatch.setenv("NTM_DB", str(db))
    at = AppTest.from_file("../app.py", default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def sign_in(at: AppTest, user: str, password: str = PASSWORD) -> AppTest:
    at.text_input(key="signin_user").input(user)
    at.text_input(key="signin_password").input(password)
    next(b for b in at.button if b.label == "Đăng nhập").click()
    return at.run()


def snapshot(db):
    st.cache_resource.clear()  # the app's connection holds the file
    con = store.connect(db)
    try:
        return [con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("assessments", "uploads", "audit")]
    finally:
        con.close()


def test_served_beyond_this_machine_nothing_shows_before_signing_in(monkeypatch, served):
    at = open_app(monkeypatch, served)
    assert not at.exception
    assert at.title[0].value == "Đăng nhập NTM Dashboard"
    assert not at.metric and not at.dataframe  # no figure of any unit
    at = sign_in(at, "vq", "sai-mật-khẩu-99")
    assert "Sai tên tài khoản hoặc mật khẩu" in at.error[0].value and not at.metric


def test_on_127_0_0_1_one_local_user_works_without_signing_in_and_is_told_so(monkeypatch, served):
    config.set_option("server.address", "127.0.0.1")
    at = open_app(monkeypatch, served, district="184", period="2020-05", mode="month")
    assert not at.exception and at.metric
    assert any("không cần đăng nhập" in c.value for c in at.sidebar.caption)


def test_an_account_sees_only_its_scope(monkeypatch, served):
    at = sign_in(open_app(monkeypatch, served, period="2020-05", mode="month"), "vq")
    assert not at.exception, at.exception
    assert at.sidebar.selectbox(key="district").options == ["Văn Quan"]  # no "whole province", no Lộc Bình
    assert at.sidebar.selectbox(key="province").options == ["Lạng Sơn"]
    assert any("vq" in c.value and "Văn Quan" in c.value for c in at.sidebar.caption)
    assert at.metric[0].value == "14"


def test_an_uploader_of_van_quan_cannot_load_another_district_through_the_page(monkeypatch, served, tmp_path):
    before = snapshot(served)
    at = sign_in(open_app(monkeypatch, served, period="2020-05", mode="month"), "vq")
    at.switch_page("views/upload.py").run()
    at.file_uploader(key="upload_files").upload("loc-binh.xlsx", (tmp_path / "loc-binh.xlsx").read_bytes()).run()
    assert not at.exception, at.exception
    assert "ngoài phạm vi" in at.error[0].value and "Khuất Xá" in at.error[0].value
    assert not [b for b in at.button if b.label == "Xác nhận nạp"]  # nothing to confirm
    # the revert list offers Văn Quan's upload only, never Lộc Bình's
    assert at.selectbox(key="revert_id").options == ["1"]
    assert snapshot(served) == before


def test_an_uploader_of_van_quan_loads_van_quan_and_the_log_says_who(monkeypatch, served, db_path):
    st.cache_resource.clear()
    con = store.connect(served)
    data = filled(con, "Văn Quan", "Đạt")
    con.close()
    at = sign_in(open_app(monkeypatch, served, period="2020-05", mode="month"), "vq")
    at.switch_page("views/upload.py").run()
    at.file_uploader(key="upload_files").upload("van-quan.xlsx", data).run()
    next(b for b in at.button if b.label == "Xác nhận nạp").click().run()
    assert not at.exception, at.exception
    con_rows = snapshot(served)
    assert ("vq",) in {(r[2],) for r in con_rows[1]}  # uploads.uploaded_by
    assert {(r[2], r[4]) for r in con_rows[2] if r[4] == "upload" and r[2] == "vq"} == {("vq", "upload")}


def test_a_viewer_cannot_upload(monkeypatch, served):
    at = sign_in(open_app(monkeypatch, served, period="2020-05", mode="month"), "xem")
    at.switch_page("views/upload.py").run()
    assert not at.exception
    assert at.file_uploader(key="upload_files").disabled
    assert any("chỉ được xem" in i.value for i in at.info)
    assert at.button(key="revert").disabled


def test_names_from_users_files_are_shown_as_text(monkeypatch, served):
    st.cache_resource.clear()
    con = store.connect(served)
    evil = units.add_historical_unit(con, "[ok](http://evil.example) :red[đỏ]", district(con, "Văn Quan"))
    from tests.helpers import report

    report(con, evil, "2020-05", [1])
    con.close()
    config.set_option("server.address", "127.0.0.1")
    at = open_app(monkeypatch, served, district="184", period="2020-05", mode="month")
    at.switch_page("views/profile.py").run()
    at.selectbox(key="commune").set_value(f"u{evil.unit_id}").run()  # no code: named by its id
    assert not at.exception, at.exception
    title = at.title[0].value
    assert "[ok](http" not in title and ":red[" not in title
    assert "\\[ok\\]\\(http\\:\\/\\/evil\\.example\\)" in title


def test_the_admin_page_takes_a_backup_while_the_app_holds_the_file(monkeypatch, served, tmp_path):
    import duckdb

    config.set_option("server.address", "127.0.0.1")  # the local user administers
    at = open_app(monkeypatch, served, district="184", period="2020-05", mode="month")
    at.switch_page("views/admin.py").run()
    assert not at.exception, at.exception
    assert {"vq", "xem"} <= set(at.dataframe[0].value.iloc[:, 0])
    at.button(key="backup_make").click().run()
    assert not at.exception, at.exception
    name, data = at.session_state["_backup"]
    assert name.endswith(".duckdb") and data
    (tmp_path / name).write_bytes(data)
    copy = duckdb.connect(str(tmp_path / name), read_only=True)
    assert copy.execute("SELECT count(*) FROM uploads").fetchall() == [(2,)]
    assert copy.execute("SELECT count(*) FROM users").fetchall() == [(2,)]
    copy.close()
    log = at.dataframe[1].value
    assert "Người thực hiện" in log.columns and "root" in set(log["Người thực hiện"])
    assert all(len(w) == 16 and w[2] == "/" and w[5] == "/" for w in log["Thời điểm"])  # dd/mm/yyyy HH:MM


def test_the_commune_profile_shows_who_changed_it(monkeypatch, served):
    config.set_option("server.address", "127.0.0.1")
    at = open_app(monkeypatch, served, district="184", period="2020-05", mode="month")
    at.switch_page("views/profile.py").run()
    assert not at.exception, at.exception
    log = at.dataframe[-1].value
    assert list(log.columns)[:3] == ["Thời điểm", "Người thực hiện", "Thao tác"]
    assert set(log["Thao tác"]) == {"Tải dữ liệu"} and set(log["Sau"]) == {"0/19"}
