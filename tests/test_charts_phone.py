"""Phone-width figures: the status heatmap turned (criteria as rows, a few communes a figure, every cell still
opening its commune), long axis labels cut with the hover keeping them whole, the wide figure untouched."""

import pandas as pd

from ntm import chart_clicks, charts, charts_phone

NAMES = {1: "Quy hoạch", 2: "Giao thông", 3: "Thủy lợi và phòng, chống thiên tai"}


def _matrix(communes: list[str]) -> pd.DataFrame:
    rows = [
        {"name": name, "code": f"0{i}", "criterion_no": c, "status": "met" if (i + c) % 2 else "not_met"}
        for i, name in enumerate(communes)
        for c in (1, 2, 3)
    ]
    return pd.DataFrame(rows)


def test_the_turned_heatmap_has_the_criteria_as_rows_and_the_communes_as_columns():
    matrix = _matrix(["Tú Xuyên", "An Sơn", "Hữu Lễ"])
    (fig,) = charts_phone.status_columns(matrix, ["An Sơn", "Tú Xuyên", "Hữu Lễ"], NAMES, "Tình trạng", "vi")
    grid = fig.data[0]
    assert list(grid.y) == ["1", "2", "3"] and list(grid.x) == ["An Sơn", "Tú Xuyên", "Hữu Lễ"]
    # the first column is An Sơn (met: criterion 2 only); Tú Xuyên (second column) met criterion 1
    assert [row[0] for row in grid.customdata] == ["Chưa đạt", "Đạt", "Chưa đạt"]
    assert grid.z[0][1] == charts.STATUS_ORDER.index("met") and grid.z[1][1] == charts.STATUS_ORDER.index("not_met")
    assert [row[0] for row in grid.text] == ["Quy hoạch", "Giao thông", "Thủy lợi và phòng, chống thiên tai"]
    assert fig.layout.yaxis.autorange == "reversed"  # criterion 1 at the top
    assert fig.layout.xaxis.tickangle == -90 and fig.layout.xaxis.side == "top"
    assert [t.name for t in fig.data[1:]] == ["Đạt", "Cơ bản đạt", "Chưa đạt", "Chưa báo cáo"]  # the legend


def test_many_communes_are_split_into_equal_figures_with_one_legend():
    communes = [f"Xã {i:02d}" for i in range(40)]
    figs = charts_phone.status_columns(_matrix(communes), communes, NAMES, "Tình trạng", "vi", per_figure=18)
    assert [len(f.data[0].x) for f in figs] == [14, 13, 13]
    assert [c for f in figs for c in f.data[0].x] == communes  # in the page's order, none lost or repeated
    assert [f.layout.showlegend for f in figs] == [False, False, True]
    assert figs[1].layout.title.text == "Tình trạng (2/3)"


def test_names_are_escaped_once_and_a_click_opens_the_commune_of_its_column():
    matrix = _matrix(["A & B", "<b>C</b>"])
    (fig,) = charts_phone.status_columns(matrix, ["A & B", "<b>C</b>"], NAMES, "T", "en")
    assert list(fig.data[0].x) == ["A &amp; B", "&lt;b&gt;C&lt;/b&gt;"]  # shown as typed, never as a tag
    layer = chart_clicks.cell_layer(fig, {"A & B": "01", "<b>C</b>": "02"}, along="x").data[-1]
    assert list(zip(layer.y, layer.customdata)) == [
        ("1", "01"),
        ("1", "02"),
        ("2", "01"),
        ("2", "02"),
        ("3", "01"),
        ("3", "02"),
    ]


def test_narrow_cuts_long_bar_labels_and_leaves_the_wide_figure_as_it_was():
    rates = pd.DataFrame(
        {
            "criterion_no": [3, 1],
            "name_vi": [NAMES[3], NAMES[1]],
            "name_en": ["Irrigation and disaster prevention", "Planning"],
            "rate": [0.5, 1.0],
        }
    )
    wide = charts.criterion_rates_bar(rates, "Tỷ lệ", "vi")
    phone = charts_phone.narrow(wide, most=20)
    assert list(phone.layout.yaxis.ticktext) == ["3. Thủy lợi và…", "1. Quy hoạch"]
    assert all(len(label) <= 20 for label in phone.layout.yaxis.ticktext)
    assert list(phone.layout.yaxis.tickvals) == list(wide.data[0].y)  # the hover keeps the whole name
    assert phone.data[0].cliponaxis is False and phone.layout.margin.r >= 30  # "100 %" beside the bar fits
    assert wide.layout.yaxis.ticktext is None and wide.data[0].cliponaxis is None


def test_narrow_lays_a_colour_bar_under_the_plot():
    rates = pd.DataFrame({"criterion_no": [1, 1, 2, 2], "year": [2024, 2025] * 2, "rate": [0.5, 0.6, 0.7, 0.8]})
    phone = charts_phone.narrow(charts.rates_by_year_heatmap(rates, NAMES, "Qua các năm", "vi"))
    assert phone.data[0].colorbar.orientation == "h"
    assert phone.layout.margin.b >= 60


def test_short_keeps_escaped_labels_escaped():
    assert charts_phone.short("Xã &amp; thị trấn Văn Quan mới", 12) == "Xã &amp; thị…"
    assert charts_phone.short("Tú Xuyên", 12) == "Tú Xuyên"
