"""The Vietnamese UI speaks Vietnamese: every page and every chart, walked with AppTest on the sample, holds no
English word from a deny list and no ISO date or period (2024-12, 2026-12-01 08:39:01)."""

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

PAGES = [
    "views/overview.py",
    "views/criteria.py",
    "views/targets.py",
    "views/compare.py",
    "views/profile.py",
    "views/map.py",
    "views/reports.py",
    "views/upload.py",
]
DENY = re.compile(
    r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|None|nan|NaN|NaT|loaded|reverted|import|district|commune|"
    r"Upload|No results|Download|error\(s\)|True|False)\b"
)
ISO = re.compile(r"\b(19|20)\d\d-(0[1-9]|1[0-2])(-\d\d)?\b")
DATA_TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$")
FILE_NAME = re.compile(r"\.(xlsx|xls|xlsm|csv|ods)$", re.I)  # a user's file name may hold any date
TEXT_TYPES = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "text")


pytestmark = pytest.mark.usefixtures("fresh_caches")  # every AppTest starts on empty Streamlit caches


def _chart_words(spec: str) -> list[str]:
    """The words a plotly figure shows: titles, axis titles, legend names, tick labels, bar texts."""
    figure = json.loads(spec)
    found = []

    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                if k not in ("customdata", "hovertemplate", "meta", "uid", "colorscale", "font", "marker"):
                    walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in ("text", "name", "ticktext", "y", "x", "hovertext"):
            if key in ("x", "y") and DATA_TIMESTAMP.match(node):
                return  # a date as data: what the axis shows is its tickformat, checked below
            found.append(node)

    walk(figure.get("data", []))
    walk(figure.get("layout", {}))
    dated = any(
        isinstance(v, str) and DATA_TIMESTAMP.match(v)
        for trace in figure.get("data", [])
        for v in trace.get("x", []) or []
    )
    if dated and not figure.get("layout", {}).get("xaxis", {}).get("tickformat"):
        found.append("Jul 2025 (a month axis without a Vietnamese tickformat)")
    return found


def _shown(at: AppTest) -> list[str]:
    words = []
    for kind in TEXT_TYPES:
        words += [str(e.value) for e in at.get(kind)]
    for metric in at.metric:
        words += [metric.label, str(metric.value)]
    for frame in at.dataframe:
        if frame.proto.editing_mode:  # a data editor: its columns are labelled through column_config
            continue
        data = frame.value
        words += [str(c) for c in data.columns]
        words += [str(v) for column in data.columns for v in data[column].head(300) if isinstance(v, str) or v is None]
    for chart in at.get("plotly_chart"):
        words += _chart_words(chart.proto.spec)
    return words


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    "query", [{"district": "184", "period": "2024", "mode": "year"}, {"period": "2025-06", "mode": "month"}]
)
def test_no_english_and_no_iso_dates_in_the_vietnamese_ui(monkeypatch, sample_db, page, query):
    monkeypatch.setenv("NTM_DB", str(sample_db))
    at = AppTest.from_file("../app.py", default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    shown = [w for w in _shown(at) if not FILE_NAME.search(w)]
    leaks = sorted({m.group(0) + " ← " + w[:80] for w in shown for m in [*DENY.finditer(w), *ISO.finditer(w)]})
    assert not leaks, leaks
