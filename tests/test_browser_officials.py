"""The dashboard as officials use it, in the real server and Debian's chromium: a bookmarked commune link, search
typed without accents, drill-down from the heatmap to the profile and back, the map and the print view
(every page at phone width: ``tests/test_browser.py``)."""

from __future__ import annotations

import pytest

from tests.browser_helpers import ARTIFACTS, wait_idle

pytestmark = pytest.mark.browser  # the shared server of this worker (tests/conftest.py)
VAN_QUAN_2024 = "district=184&period=2024&mode=year"


def _open(page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
    assert page.get_by_role("dialog").count() == 0  # no "Page not found" (app.py's _home, the views/ folder)


def _wait_chart(page) -> None:
    """Plotly draws after Streamlit's run ends: wait until the first chart's points are on the page."""
    page.wait_for_selector(".stPlotlyChart .js-plotly-plot .scatterlayer .point", timeout=60_000)
    page.wait_for_timeout(500)


def _title(page) -> str:
    return page.locator("h1").first.inner_text()


def _click_point(page, points, index: int) -> None:
    box = points.nth(index).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.wait_for_timeout(200)
    page.mouse.click(x, y)
    page.wait_for_timeout(800)
    wait_idle(page)


def test_a_bookmarked_commune_link_opens_that_commune(server, page):
    base, _ = server
    _open(page, f"{base}/ho-so-xa?{VAN_QUAN_2024}&commune=06277")
    assert _title(page) == "Hồ sơ Xã Tú Xuyên"
    _open(page, f"{base}/ho-so-xa?{VAN_QUAN_2024}&commune=06283")
    assert _title(page) == "Hồ sơ Xã An Sơn"
    assert "commune=06283" in page.url  # the link stays the one that was bookmarked
    assert page.get_by_text("12/2024", exact=False).count() >= 1  # the sidebar's 2024, not the latest month


def test_search_typed_without_accents_opens_the_profile(server, page):
    base, _ = server
    _open(page, f"{base}/tieu-chi?{VAN_QUAN_2024}")
    field = page.get_by_label("Tìm xã")
    field.fill("tu xuyen")
    field.press("Enter")
    wait_idle(page)
    hit = page.get_by_role("button", name="Tú Xuyên (huyện Văn Quan)")
    hit.wait_for(timeout=30_000)
    assert hit.count() == 1
    hit.click()
    page.wait_for_timeout(800)
    wait_idle(page)
    assert _title(page) == "Hồ sơ Xã Tú Xuyên"


def test_a_heatmap_cell_opens_the_commune_and_the_way_back(server, page):
    base, _ = server
    _open(page, f"{base}/so-sanh-xa?{VAN_QUAN_2024}")
    _wait_chart(page)
    layer = page.evaluate(  # the drill-down layer: one point per cell, its row's commune as y
        "() => { const d = document.querySelector('.stPlotlyChart .js-plotly-plot').data; return d[d.length - 1].y; }"
    )
    points = page.locator(".stPlotlyChart").first.locator(".scatterlayer .trace").last.locator(".point")
    assert points.count() == len(layer) == 19 * len(set(layer))
    _click_point(page, points, 19 * 8 + 3)  # row 9, criterion 4
    assert _title(page) == f"Hồ sơ Xã {layer[19 * 8 + 3]}"
    page.screenshot(path=str(ARTIFACTS / "drill-down-ho-so.png"))
    page.get_by_text("Quay lại trang trước").click()
    page.wait_for_timeout(800)
    wait_idle(page)
    assert _title(page).startswith("So sánh các xã")


def test_the_map_shows_every_commune_and_a_click_opens_its_profile(server, page):
    base, _ = server
    _open(page, f"{base}/ban-do?{VAN_QUAN_2024}")
    _wait_chart(page)
    chart = page.locator(".stPlotlyChart").first
    points = chart.locator(".scatterlayer .point")
    names = page.evaluate("() => document.querySelector('.stPlotlyChart .js-plotly-plot').data[0].text")
    assert points.count() == len(names) >= 10  # Văn Quan's communes with reports, each at its coordinates
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "ban-do.png"))
    _click_point(page, points, 0)
    assert _title(page) == f"Hồ sơ Xã {names[0]}"


def test_the_print_view_has_no_sidebar_and_whole_pages(server, page):
    base, _ = server
    _open(page, f"{base}/tong-quan?{VAN_QUAN_2024}&print=1")
    page.get_by_text("Bản in: dùng lệnh In").wait_for(timeout=60_000)  # the run that lays the page out for paper
    page.get_by_test_id("stSidebar").wait_for(state="hidden", timeout=10_000)
    assert not page.get_by_test_id("stSidebar").is_visible()
    assert page.get_by_text("Bản in: dùng lệnh In").count() == 1
    assert page.locator(".modebar-container").first.is_hidden()
    assert _title(page).startswith("Tổng quan")
    page.emulate_media(media="print")
    page.pdf(path=str(ARTIFACTS / "tong-quan-ban-in.pdf"), format="A4", landscape=True)
    assert (ARTIFACTS / "tong-quan-ban-in.pdf").stat().st_size > 10_000
