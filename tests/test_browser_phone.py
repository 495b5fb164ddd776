"""The phone layout (ui_layout.py) in the real server and Debian's chromium at 390 px: the overview's three
figures before its first chart, chart titles as headings that fit the screen, the compare heatmap turned so that
the criteria are its rows (a cell still opens the commune), at 1440 px the chart PNG keeps its title, and a desktop
window made narrow keeps the wide charts. A phone is a phone's user agent (ui_layout.screen_of)."""

from __future__ import annotations

import io

import pytest

from tests.browser_helpers import ARTIFACTS, new_page, new_phone_page, wait_idle

pytestmark = pytest.mark.browser  # the shared server of this worker (tests/conftest.py)
VAN_QUAN_2024 = "district=184&period=2024&mode=year"
SHOWN = "el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; }"


def _page(chromium, width: int, height: int):
    page = new_page(chromium, width, height, device_scale_factor=1)
    return page.context, page


def _phone(chromium):
    page = new_phone_page(chromium, device_scale_factor=1)
    return page.context, page


def _open(page, url: str) -> None:
    page.goto(url)
    wait_idle(page)
    page.wait_for_selector(".stPlotlyChart .js-plotly-plot .main-svg", state="attached", timeout=60_000)
    page.wait_for_timeout(800)  # plotly draws after the script run ends


def _shown(page, selector: str) -> list:
    """The elements matching ``selector`` that take room on the page, top to bottom."""
    found = [el for el in page.query_selector_all(selector) if el.evaluate(SHOWN)]
    return sorted(found, key=lambda el: el.bounding_box()["y"])


def test_the_overview_on_a_phone_shows_three_figures_then_the_charts(server, chromium):
    base, _ = server
    context, page = _phone(chromium)
    try:
        _open(page, f"{base}/tong-quan?{VAN_QUAN_2024}")
        cards = _shown(page, "[data-testid='stMetric']")
        charts = _shown(page, ".stPlotlyChart")
        labels = [c.query_selector("[data-testid='stMetricLabel']").inner_text() for c in cards[:3]]
        assert labels == ["Bình quân tiêu chí/xã", "Xã đạt 19/19", "Xã chưa báo cáo"], labels
        values = [c.query_selector("[data-testid='stMetricValue']").inner_text() for c in cards[:3]]
        assert values[0] == "12,6" and values[1] == "6", values  # Văn Quan 2024 (the 1440 px cards say the same)
        tops = [c.bounding_box()["y"] for c in cards[:3]]
        assert max(tops) - min(tops) < 4  # one row, side by side
        first_chart = charts[0].bounding_box()["y"]
        assert max(c.bounding_box()["y"] + c.bounding_box()["height"] for c in cards[:3]) < first_chart
        assert all(c.bounding_box()["y"] > first_chart for c in cards[3:])  # the other cards after the charts
        # every chart's title is a heading above it that fits the screen; plotly's own title is not drawn
        headings = _shown(page, "[class*='st-key-chart__'] h5")
        assert len(headings) == len(charts) >= 4
        for heading in headings:
            box = heading.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, heading.inner_text()
            assert heading.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), heading.inner_text()
        assert all(not t.evaluate(SHOWN) for t in page.query_selector_all(".stPlotlyChart .gtitle"))
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "phone-tong-quan-bo-cuc.png"))
    finally:
        context.close()


def test_the_compare_heatmap_on_a_phone_has_the_criteria_as_rows(server, chromium):
    base, _ = server
    context, page = _phone(chromium)
    try:
        _open(page, f"{base}/so-sanh-xa?{VAN_QUAN_2024}")
        (heat, *_) = _shown(page, ".stPlotlyChart")
        assert len(_shown(page, ".stPlotlyChart")) == page.locator(".stPlotlyChart").count()  # no wide grid hidden
        data = heat.evaluate(
            "el => el.querySelector('.js-plotly-plot').data.map(d => ({type: d.type, x: d.x, y: d.y}))"
        )
        grid = data[0]
        assert grid["type"] == "heatmap"
        assert grid["y"] == [str(c) for c in range(1, 20)]  # the 19 criteria, one a row
        assert len(grid["x"]) == len(set(grid["x"])) >= 10  # Văn Quan's communes, one a column
        box = heat.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        labels = heat.query_selector_all(".xaxislayer-above .xtick text")
        assert len(labels) == len(grid["x"])  # every commune named, none skipped for room
        assert len(heat.query_selector_all(".yaxislayer-above .ytick text")) == 19
        page.screenshot(path=str(ARTIFACTS / "phone-so-sanh-xa-bang-mau.png"), full_page=True)

        layer = data[-1]  # the drill-down layer: one point per cell, its column's commune as x
        points = heat.query_selector_all(".scatterlayer .trace:last-child .point")
        assert len(points) == len(layer["x"]) == 19 * len(grid["x"])
        index = next(i for i, (x, y) in enumerate(zip(layer["x"], layer["y"], strict=True)) if y == "4" and x)
        heat.scroll_into_view_if_needed()
        target = points[index].bounding_box()
        page.mouse.move(target["x"] + target["width"] / 2, target["y"] + target["height"] / 2)
        page.wait_for_timeout(200)
        page.mouse.click(target["x"] + target["width"] / 2, target["y"] + target["height"] / 2)
        page.wait_for_timeout(800)
        wait_idle(page)
        assert page.locator("h1").first.inner_text() == f"Hồ sơ Xã {layer['x'][index]}"
    finally:
        context.close()


def test_at_1440_px_the_heatmap_keeps_communes_as_rows_and_the_png_keeps_the_title(server, chromium):
    from PIL import Image

    base, _ = server
    context, page = _page(chromium, 1440, 1000)
    try:
        _open(page, f"{base}/so-sanh-xa?{VAN_QUAN_2024}")
        (heat, *_) = _shown(page, ".stPlotlyChart")
        assert page.locator(".stPlotlyChart").count() == 2  # the grid and the bars, no phone grid drawn hidden
        rows = heat.evaluate("el => el.querySelector('.js-plotly-plot').data[0].y")
        assert len(rows) >= 10 and "1" not in rows  # communes as rows on a wide screen
        assert not heat.query_selector(".gtitle").evaluate(SHOWN)  # the heading above says it
        heat.hover()
        tooltips = [b.get_attribute("data-title") for b in heat.query_selector_all(".modebar-btn")]
        assert tooltips[0] == "Tải ảnh biểu đồ (PNG, có tiêu đề)"  # plotly.js 3 spells its key "a PNG"
        with page.expect_download() as download:
            heat.query_selector_all(".modebar-btn")[0].click()
        image = Image.open(io.BytesIO(download.value.path().read_bytes())).convert("L")
        width, _ = image.size
        band = image.crop((0, 0, width // 2, 50))  # where the title is drawn, top left (scale 2: 25 px)
        assert band.getextrema()[0] < 100  # dark title text, not an empty band
    finally:
        context.close()


def test_a_desktop_window_made_narrow_keeps_the_wide_heatmap_within_the_screen(server, chromium):
    """A desktop browser says it is no phone: at 390 px its compare page shows the wide grid (communes as rows),
    stretched to the window, not an empty place where a hidden grid would be."""
    base, _ = server
    context, page = _page(chromium, 390, 844)
    try:
        _open(page, f"{base}/so-sanh-xa?{VAN_QUAN_2024}")
        charts = _shown(page, ".stPlotlyChart")
        assert len(charts) == page.locator(".stPlotlyChart").count() == 2
        rows = charts[0].evaluate("el => el.querySelector('.js-plotly-plot').data[0].y")
        assert len(rows) >= 10 and "1" not in rows
        box = charts[0].bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    finally:
        context.close()
