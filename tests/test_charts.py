"""Figures carry the numbers they were given, in the UI's number format and language."""

import math

import pandas as pd

from ntm import charts


def test_the_distribution_bar_shows_each_bin_with_its_count():
    dist = pd.DataFrame({"bin": ["19", "15-18", "10-14", "5-9", "<5"], "communes": [3, 1, 3, 9, 0]})
    fig = charts.distribution_bar(dist, "Phân bố", "vi")
    (bar,) = fig.data
    assert list(bar.y) == [3, 1, 3, 9, 0] and len(bar.x) == 5
    assert fig.layout.title.text == "Phân bố" and fig.layout.separators == ",."
    assert charts.distribution_bar(dist, "Bins", "en").layout.separators == ".,"


def test_the_yearly_trend_keeps_criteria_sets_apart_and_writes_10_9():
    yearly = pd.DataFrame(
        {"year": [2020, 2021, 2022], "set_id": ["ntm-2016", "ntm-2016", "ntm-2021"], "average_met": [10.88, 12.1, 9.5]}
    )
    fig = charts.yearly_trend(yearly, "Huyện Văn Quan", "vi")
    assert [t.name for t in fig.data] == ["ntm-2016", "ntm-2021"]  # a set change is not drawn as a fall
    assert list(fig.data[0].text) == ["10,9", "12,1"] and list(fig.data[1].y) == [9.5]
    assert "Huyện Văn Quan" in fig.layout.title.text
    assert list(charts.yearly_trend(yearly, "Văn Quan", "en").data[0].text) == ["10.9", "12.1"]


def test_communes_at_every_criterion_stand_out_and_the_axis_leaves_room_for_labels():
    scores = pd.DataFrame({"name": ["Tú Xuyên", "Tràng Phái", "Hữu Lễ"], "met": [10, 19, 16]})
    (bar,) = charts.communes_bar(scores, 19, "Xã", "vi").data
    assert list(bar.y) == ["Tú Xuyên", "Hữu Lễ", "Tràng Phái"]  # fewest first, the full ones at the top
    assert list(bar.marker.color) == [charts.ACCENT, charts.ACCENT, charts.STATUS_COLORS["met"]]
    assert charts.communes_bar(scores, 19, "Xã", "vi").layout.xaxis.range == (0, 20.5)


def test_the_ranking_highlights_the_chosen_district():
    ranking = pd.DataFrame({"district": ["Văn Quan", "Cao Lộc", "Bắc Sơn"], "average_met": [10.9, 12.5, 8.0]})
    (bar,) = charts.ranking_bar(ranking, "Văn Quan", "Xếp hạng", "vi").data
    assert list(bar.y) == ["Bắc Sơn", "Văn Quan", "Cao Lộc"]
    assert [c == charts.ACCENT for c in bar.marker.color] == [False, True, False]
    assert list(bar.text) == ["8,0", "10,9", "12,5"]


def test_status_colours_are_one_palette():
    assert set(charts.STATUS_ORDER) == set(charts.STATUS_COLORS)
    assert len(set(charts.STATUS_COLORS.values())) == len(charts.STATUS_COLORS)


def test_set_layout_gives_what_update_layout_gives():
    """``charts.set_layout`` assigns what is not set yet and merges what is (plotly's update_layout, without its
    relayout machinery)."""
    import plotly.graph_objects as go

    def built(update):
        fig = go.Figure(go.Heatmap(z=[[1, 2]]))
        fig.layout.xaxis.title = {"text": "Năm"}
        update(fig, title={"text": "T", "font": {"size": 16}}, height=400, xaxis={"gridcolor": "#eee", "side": "top"})
        update(fig, title={"x": 0}, margin={"t": 80})
        return fig.to_dict()["layout"]

    assert built(charts.set_layout) == built(lambda fig, **props: fig.update_layout(**props))


def test_margins_are_made_for_the_names_before_plotly_draws():
    """Plotly widens a margin its labels need by drawing the chart again: the names' room is set beforehand."""
    scores = pd.DataFrame({"name": ["Tú Xuyên", "Thị trấn Văn Quan"], "met": [10, 19]})  # the longer: 17 characters
    bar = charts.communes_bar(scores, 19, "Số tiêu chí", "vi")
    assert bar.layout.margin.l == 36 + math.ceil(charts.NAME_PX * 17)  # 128 px for 17 characters
    assert bar.layout.margin.b == 65  # the x axis's title under the bars
    rates = pd.DataFrame({"year": [2023, 2024], "criterion_no": [1, 1], "rate": [0.5, 0.75]})
    heat = charts.rates_by_year_heatmap(rates, {1: "Quy hoạch"}, "Tỷ lệ", "vi")
    assert heat.layout.margin.r == 130  # its colour bar on the right
    trend = charts.distribution_bar(pd.DataFrame({"bin": ["19", "<5"], "communes": [3, 0]}), "Phân bố", "vi")
    assert trend.layout.margin.l == 10  # numbers on the y axis: left to plotly


def test_the_status_legend_sits_right_under_the_grid_whatever_its_height():
    rows = [(f"Xã {i}", str(i), 1, "met") for i in range(400)]
    matrix = pd.DataFrame(rows, columns=["name", "code", "criterion_no", "status"])
    fig = charts.status_heatmap(matrix, [r[0] for r in rows], {1: "Quy hoạch"}, "Tình trạng", "vi")
    assert (fig.layout.legend.y, fig.layout.legend.yanchor, fig.layout.margin.b) == (0, "top", 40)
