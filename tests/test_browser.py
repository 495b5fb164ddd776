"""The real server in a real browser: `streamlit run app.py` on 127.0.0.1 with a temporary database,
driven by Debian's chromium through Playwright's Python client. Uploads a filled template, confirms,
and sees the overview change; opens every page at desktop and phone width, a screenshot of each as a test
artefact."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import openpyxl
import pytest

from ntm import periods, store
from ntm.ingest import template
from tests.browser_helpers import (
    ARTIFACTS,
    PAGES,
    PHONE,
    WIDE,
    go,
    metrics,
    new_phone_page,
    start_server,
    stop_server,
    wait_idle,
)
from tests.helpers import van_quan

pytestmark = pytest.mark.browser


def filled_template(sample_db, tmp_path) -> Path:
    """The upload template for Văn Quan, 5/2020, with every criterion of every commune marked "Đạt"."""
    copy = tmp_path / "template.duckdb"
    shutil.copy(sample_db, copy)
    con = store.connect(copy)
    data = template.build(con, van_quan(con), periods.parse("2020-05"), "ntm-2016")
    con.close()
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Báo cáo"]
    for row in sheet.iter_rows(min_row=template.FIRST_DATA_ROW):
        for cell in row[3:22]:
            cell.value = "Đạt"
    path = tmp_path / "van-quan-5-2020.xlsx"
    book.save(path)
    return path


def test_upload_a_filled_template_and_see_the_overview_change(server, page, sample_db, tmp_path):
    base, _ = server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{base}/?district=184&period=2020-05&mode=month")
    wait_idle(page)
    assert "10,9" in metrics(page) and "174" in metrics(page)  # the district's May 2020 report
    page.screenshot(path=str(ARTIFACTS / "tong-quan-truoc.png"), full_page=True)

    go(page, "Tải dữ liệu")
    page.get_by_test_id("stFileUploader").locator("input[type=file]").set_input_files(
        str(filled_template(sample_db, tmp_path))
    )
    page.get_by_text("Tệp hợp lệ").wait_for(timeout=90_000)
    page.screenshot(path=str(ARTIFACTS / "tai-du-lieu-kiem-tra.png"), full_page=True)
    page.get_by_role("button", name="Xác nhận nạp").click()
    page.get_by_text("Các trang đã được cập nhật").wait_for(timeout=90_000)  # the "Đã nạp … dòng" card
    wait_idle(page)

    go(page, "Tổng quan")
    values = metrics(page)
    assert "19,0" in values and "16" in values, values  # every commune now at 19
    page.screenshot(path=str(ARTIFACTS / "tong-quan-sau.png"), full_page=True)


# Vietnamese walks a district in 2024 (a district leader on a phone), English the province in 2025: both scopes
# are seen at both widths, each page loaded once
WALKS = {"vi": "district=184&period=2024&mode=year", "en": "period=2025&mode=year"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_renders_at_desktop_and_at_phone_width(server, page, chromium, lang):
    """Every page opened by its own link (never "Page not found") at 1400 px, then on a phone (390 px, a phone's
    user agent: the charts' phone variants, ui_layout.screen_of), then the desktop window made 390 px wide (the
    blocks' media rules, the wide charts): no traceback, a title, a screenshot of each."""
    base, _ = server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    phone = new_phone_page(chromium)
    try:
        for url_path in [p for p, _ in PAGES] + ["ban-do"]:
            page.set_viewport_size(WIDE)
            page.goto(f"{base}/{url_path}?lang={lang}&{WALKS[lang]}")
            wait_idle(page)
            assert page.get_by_role("dialog").count() == 0, url_path  # app.py's _home, the views/ folder
            switch = {"vi": "Ngôn ngữ", "en": "Language"}[lang]  # the language radio's label, on the link's first run
            label = page.get_by_test_id("stSidebar").get_by_text(switch, exact=True)
            label.first.wait_for(timeout=30_000)  # an idle moment may come between the link's run and its rerun
            assert label.count() == 1, url_path
            _looked_at(page, url_path, f"{url_path}-{lang}")
            phone.goto(f"{base}/{url_path}?lang={lang}&{WALKS[lang]}")
            wait_idle(phone)
            _looked_at(phone, url_path, f"phone-{url_path}-{lang}")
            page.set_viewport_size(PHONE)
            page.wait_for_timeout(300)
            _looked_at(page, url_path, f"narrow-{url_path}-{lang}")
    finally:
        phone.context.close()


DRAWN = (  # every chart drawn by plotly, no placeholder left (Streamlit drops them a moment after the run ends)
    "() => [...document.querySelectorAll('.stPlotlyChart')].every(c => c.querySelector('.main-svg'))"
    " && !document.querySelector('[data-testid=stSkeleton]')"
)


def _looked_at(page, url_path: str, name: str) -> None:
    page.wait_for_function(DRAWN, timeout=30_000)
    assert page.get_by_test_id("stException").count() == 0, name
    assert page.locator("h1").count() >= 1, name
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_the_first_start_builds_the_sample_with_a_vietnamese_progress_display(page, tmp_path):
    """No database file at all: the user picks demo data and the app builds it (through the import path) while
    the menu is already ours."""
    db = tmp_path / "fresh" / "ntm.duckdb"
    db.parent.mkdir()
    proc, base = start_server(db)
    try:
        page.goto(base)
        page.get_by_text("Bắt đầu với NTM Dashboard").wait_for(timeout=60_000)
        assert not db.exists()  # the app asks first: demo data (the default) or an empty database
        page.get_by_role("button", name="Bắt đầu").click()
        page.get_by_text("Lần chạy đầu tiên").wait_for(timeout=60_000)
        assert page.locator("[data-testid='stSidebarNav'] a", has_text="Tổng quan").count() == 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.wait_for_timeout(1500)  # the setup form's places blanked
        page.screenshot(path=str(ARTIFACTS / "lan-dau-dang-tao.png"))
        page.get_by_test_id("stMetricValue").first.wait_for(timeout=180_000)
        wait_idle(page)
        assert metrics(page)[:3] == [
            "61",
            "3",
            "6,2",
        ]  # Lạng Sơn, 2026 (2026-2030 set, 10 criteria), from the sample workbooks
    finally:
        stop_server(proc)
    assert db.exists()
