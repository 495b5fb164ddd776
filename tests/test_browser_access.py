"""The real server in chromium: with sign-in required (as behind a reverse proxy), nothing shows before signing
in; signed in, the tables' own toolbar offers no "Download as CSV" (it would keep =HYPERLINK(…) live)."""

from __future__ import annotations

import shutil

import pytest

from ntm import accounts, store
from tests.access_helpers import ROOT
from tests.browser_helpers import start_server, stop_server, wait_idle

pytestmark = pytest.mark.browser


def test_sign_in_first_then_tables_without_a_csv_download(sample_db, page, tmp_path, monkeypatch):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    db = tmp_path / "ntm.duckdb"
    shutil.copy(sample_db, db)
    con = store.connect(db)
    accounts.add(con, ROOT, "qtri", "admin", [], "mật-khẩu-dài-1")
    con.close()
    monkeypatch.setenv("NTM_SIGNIN", "required")  # as a proxied deployment sets it
    proc, base = start_server(db)
    try:
        page.goto(f"{base}/?district=184&period=2020-05&mode=month")
        wait_idle(page)
        assert page.get_by_role("heading", name="Đăng nhập NTM Dashboard").is_visible()
        assert page.get_by_test_id("stMetricValue").count() == 0 and page.get_by_test_id("stDataFrame").count() == 0
        signed_in = page.get_by_text("Đăng nhập: qtri")
        for _ in range(3):  # a click that lands while the first run is still drawing is lost: try again
            page.get_by_label("Tên tài khoản").fill("qtri")
            page.get_by_label("Mật khẩu", exact=True).fill("mật-khẩu-dài-1")
            page.get_by_role("button", name="Đăng nhập").click()
            try:
                signed_in.wait_for(timeout=30_000)
                break
            except PlaywrightTimeout:
                wait_idle(page)
        page.get_by_test_id("stMetricValue").first.wait_for(timeout=90_000)
        wait_idle(page)
        table = page.get_by_test_id("stDataFrame").first
        table.scroll_into_view_if_needed()
        table.hover()
        page.wait_for_timeout(800)
        buttons = page.get_by_test_id("stBaseButton-elementToolbar")
        labels = [buttons.nth(i).get_attribute("aria-label") for i in range(buttons.count())]
        assert "Search" in labels and "Fullscreen" in labels  # the toolbar is there …
        assert not [x for x in labels if x and "ownload" in x]  # … without its CSV download
    finally:
        stop_server(proc)
