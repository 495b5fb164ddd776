"""Figures built once per what they are drawn from, and drawn from plotly's own JSON (``ui_figures``)."""

import pandas as pd
import plotly.graph_objects as go
import plotly.io
import plotly.tools
import pytest

import ui_figures
from ntm import charts, charts_phone

pytestmark = pytest.mark.usefixtures("fresh_caches")


def _spec(fig) -> str:
    """What ``st.plotly_chart`` writes for a figure: its dict (``to_dict``), then the JSON of that dict."""
    return plotly.io.to_json(plotly.tools.return_figure_from_figure_or_data(fig, validate_figure=True), validate=False)


def _matrix() -> pd.DataFrame:
    rows = [("Tú <b>Xuyên</b>", "06283", 1, "met"), ("Tú <b>Xuyên</b>", "06283", 2, "not_met")]
    rows += [("An Sơn & Co", "06280", 1, "basically_met"), ("An Sơn & Co", "06280", 2, "met")]
    return pd.DataFrame(rows, columns=["name", "code", "criterion_no", "status"])


def test_a_frozen_figure_is_written_as_the_same_json_as_the_figure():
    yearly = pd.DataFrame({"set_id": ["a", "a", "b"], "year": [2020, 2021, 2022], "average_met": [9.5, None, 10.93]})
    trend = charts.yearly_trend(yearly, "Tỉnh <i>X</i>", "vi", {"a": "Bộ A", "b": "Bộ B"}, [(2022, "a", "b")])
    matrix = _matrix()
    names = {1: "Quy hoạch", 2: "Giao thông"}
    heatmap_of = (matrix, ["Tú <b>Xuyên</b>", "An Sơn & Co"], names, "So sánh", "vi", {"Tú <b>Xuyên</b>": "06283"})
    wide = charts_phone.clickable_status_heatmap(*heatmap_of)
    parts = charts_phone.clickable_status_columns(*heatmap_of)
    for fig in (trend, wide, *parts):
        frozen = ui_figures.Frozen(fig)
        assert _spec(frozen) == _spec(fig)
        assert frozen.title_text == fig.layout.title.text
    assert "&lt;b&gt;" in _spec(ui_figures.Frozen(wide))  # user text stays escaped in the frozen copy


def test_kept_builds_once_per_distinct_arguments_and_again_for_other_data():
    calls = []

    def bar(frame: pd.DataFrame, title: str) -> go.Figure:
        calls.append(title)
        return go.Figure(go.Bar(x=frame["x"], y=frame["y"]), layout={"title": {"text": title}})

    bar.__qualname__ = "test_kept_bar"  # the cache is keyed by the builder's dotted name
    frame = pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})
    first = ui_figures.kept(bar, frame, "Một")
    again = ui_figures.kept(bar, frame.copy(), "Một")  # equal values: the same figure, not built again
    assert again is first and calls == ["Một"]
    assert isinstance(first, ui_figures.Frozen) and first.title_text == "Một"
    changed = ui_figures.kept(bar, frame.assign(y=[1, 3]), "Một")  # other data (a new upload): built again
    assert changed is not first and calls == ["Một", "Một"]
    assert _spec(changed) == _spec(bar(frame.assign(y=[1, 3]), "Một"))
    ui_figures.kept(bar, frame, "Hai")
    assert calls == ["Một", "Một", "Một", "Hai"]


def test_kept_with_phone_builds_the_phone_variant_only_when_asked_and_once():
    rates = pd.DataFrame(
        {"criterion_no": [1, 2], "name_vi": ["Quy hoạch và thực hiện quy hoạch", "Giao thông"], "rate": [0.5, 1.0]}
    )
    rates["name_en"] = rates["name_vi"]
    calls = []

    def narrow(fig: go.Figure) -> go.Figure:
        calls.append(fig.layout.title.text)
        return charts_phone.narrow(fig)

    wide, phone = ui_figures.kept_with_phone(charts.criterion_rates_bar, narrow, rates, "Tỷ lệ", "vi")
    expected = charts.criterion_rates_bar(rates, "Tỷ lệ", "vi")
    assert _spec(wide) == _spec(expected)
    assert calls == []  # a wide screen never asks for the phone variant: it is not built
    assert _spec(phone()) == _spec(charts_phone.narrow(expected))
    assert phone() is phone() and calls == ["Tỷ lệ"]  # built once, then kept


def test_freeze_reaches_figures_in_lists_and_tuples_and_leaves_the_rest():
    fig = go.Figure(go.Scatter(x=[1], y=[2]))
    frozen = ui_figures.freeze((fig, [fig, 3], "text"))
    assert isinstance(frozen, tuple) and isinstance(frozen[0], ui_figures.Frozen)
    assert isinstance(frozen[1][0], ui_figures.Frozen) and frozen[1][1] == 3 and frozen[2] == "text"
    assert ui_figures.freeze(frozen[0]) is frozen[0]
