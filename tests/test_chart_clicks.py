"""Drill-down from a heatmap: every cell carries its row's key, the hover label stays what the heatmap showed."""

import plotly.graph_objects as go

from ntm import chart_clicks


def _heatmap():
    return go.Figure(
        go.Heatmap(
            z=[[0, 2], [2, 2]],
            x=["1", "2"],
            y=["Tú Xuyên", "An Sơn"],
            customdata=[["Đạt", "Chưa đạt"], ["Chưa đạt", "Chưa đạt"]],
            text=[["Quy hoạch", "Giao thông"]] * 2,
            hovertemplate="%{y} – Tiêu chí %{x} %{text}: %{customdata}<extra></extra>",
        )
    )


def test_one_marker_per_cell_with_the_row_key():
    fig = chart_clicks.cell_layer(_heatmap(), {"Tú Xuyên": "06277", "An Sơn": "06283"})
    layer = fig.data[-1]
    assert list(zip(layer.y, layer.x, layer.customdata)) == [
        ("Tú Xuyên", "1", "06277"),
        ("Tú Xuyên", "2", "06277"),
        ("An Sơn", "1", "06283"),
        ("An Sơn", "2", "06283"),
    ]
    assert list(layer.hovertext) == ["Đạt", "Chưa đạt", "Chưa đạt", "Chưa đạt"]
    assert layer.hovertemplate == "%{y} – Tiêu chí %{x} %{text}: %{hovertext}<extra></extra>"
    assert fig.data[0].hoverinfo == "skip"


def test_picked_reads_the_first_point_of_a_selection_event():
    event = {"selection": {"points": [{"x": "2", "y": "An Sơn", "customdata": "06283"}]}}
    assert chart_clicks.picked(event) == "06283"
    assert chart_clicks.picked(event, "y") == "An Sơn"
    assert chart_clicks.picked({"selection": {"points": []}}) is None
    assert chart_clicks.picked(None) is None
