"""User text as text (ntm/plain.py): Markdown escaped, Plotly labels without live HTML, spreadsheet cells
that cannot run as formulas — in the functions and in the charts and downloads built with them."""

import io
import re
import tomllib
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ntm import charts, metrics, periods, plain, units
from ntm.export import to_xlsx
from ntm.ingest import template
from tests.helpers import report, van_quan

HOSTILE = "[ok](http://evil.example) ![](http://evil.example/x.png) :red[đỏ] <a href='http://evil.example'>x</a>"


def test_markdown_escape_leaves_no_syntax():
    escaped = plain.markdown(HOSTILE)
    assert not re.search(r"(?<!\\)[\[\]()<>:!*_`]", escaped)  # every Markdown character is backslash-escaped
    assert escaped.replace("\\", "") == HOSTILE  # what the reader sees: exactly the text
    assert plain.markdown("Tú Xuyên 10,9") == "Tú Xuyên 10\\,9"
    assert plain.markdown("dòng 1\n# dòng 2") == "dòng 1 \\# dòng 2"


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("@cmd", "'@cmd"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-1+1", "'-1+1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-2", "-2"),  # a signed number written as text is not a formula
        ("Tú Xuyên", "Tú Xuyên"),
        (7, 7),
    ],
)
def test_cells_never_start_a_formula(value, safe):
    assert plain.cell(value) == safe


def test_the_xlsx_download_neutralises_formulas():
    frame = pd.DataFrame({"Xã": ["=1+1", "@cmd", "Tú Xuyên"], "Số tiêu chí đạt": [10, -1, 19]})
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(frame, "x"))).active
    assert [c.value for c in sheet["A"]][1:] == ["'=1+1", "'@cmd", "Tú Xuyên"]
    assert [c.value for c in sheet["B"]][1:] == [10, -1, 19]


def test_a_commune_named_like_a_formula_is_text_in_the_upload_template(con):
    district = van_quan(con)
    units.add_historical_unit(con, '=HYPERLINK("http://evil.example","Tú Xuyên")', district)
    data = template.build(con, district, periods.parse("2020-05"), "ntm-2016")
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Báo cáo"]
    names = [c for c in sheet["C"] if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert names and all(c.data_type == "s" and c.value.startswith("'=") for c in names)


def test_chart_labels_show_html_as_text(con):
    district = van_quan(con)
    evil = units.add_historical_unit(con, HOSTILE, district)
    report(con, evil, "2020-05", [1, 2])
    period = periods.parse("2020-05")
    matrix = metrics.status_matrix(con, district, period, "ntm-2016")
    scores = metrics.commune_scores(con, district, period, "ntm-2016")
    title = "<a href='http://evil.example'>tiêu đề</a>"
    for fig in (
        charts.status_heatmap(matrix, list(scores["name"]), {}, title, "vi"),
        charts.communes_bar(scores, 19, title, "vi"),
    ):
        labels = [str(v) for trace in fig.data for v in (trace.y if trace.y is not None else ())]
        assert not [v for v in labels if "<a" in v] and [v for v in labels if "&lt;a href=" in v]
        assert fig.layout.title.text == "&lt;a href='http://evil.example'&gt;tiêu đề&lt;/a&gt;"


def test_the_tables_own_csv_download_is_switched_off():
    config = tomllib.loads((Path(__file__).parent.parent / ".streamlit" / "config.toml").read_text())
    assert config["client"]["disableDataExport"] is True


def test_chart_labels_stay_arrays_where_they_form_one():
    """Escaped labels go back to plotly as object arrays (checked at once, not element by element), written as
    the same JSON as the lists they came from."""
    import json

    import plotly.graph_objects as go
    import plotly.io

    from ntm import plain

    labels = ["<b>A</b>", "B & C", None]
    fig = plain.chart(go.Figure(go.Heatmap(x=labels, z=[[1, 2, 3]], text=[["x", "<i>", "z"]])))
    assert list(fig.data[0].x) == ["&lt;b&gt;A&lt;/b&gt;", "B &amp; C", None]
    as_lists = go.Figure(go.Heatmap(x=["&lt;b&gt;A&lt;/b&gt;", "B &amp; C", None], z=[[1, 2, 3]]))
    as_lists.data[0].text = [["x", "&lt;i&gt;", "z"]]
    assert json.loads(plotly.io.to_json(fig, validate=False)) == json.loads(plotly.io.to_json(as_lists, validate=False))
    assert plain._array([["a"], ["b", "c"]]) == [["a"], ["b", "c"]]  # ragged: left a list
