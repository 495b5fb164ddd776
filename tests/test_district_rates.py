"""The criteria page's district table: every criterion (one met everywhere too), % text, shades, Vietnamese order."""

import pandas as pd

from ntm import district_rates

SCORES = pd.DataFrame(
    {
        "district": ["Bình Gia", "Bắc Sơn", "Bắc Sơn", "Bắc Sơn", "Bắc Sơn"],
        "unmet": [[2], [], [2, 5], [2], []],
    }
)


def test_every_criterion_is_a_column_even_one_met_everywhere():
    table = district_rates.table(SCORES, list(range(1, 20)))
    assert list(table.columns) == [str(n) for n in range(1, 20)]  # 18 is met everywhere: still there
    assert list(table.index) == ["Bắc Sơn", "Bình Gia"]  # Vietnamese order: ă before i
    # Bắc Sơn: 4 communes, 2 miss criterion 2 → 50 %; 1 misses 5 → 75 %; Bình Gia's one commune misses 2
    assert table.loc["Bắc Sơn", "2"] == 0.5 and table.loc["Bắc Sơn", "5"] == 0.75
    assert table.loc["Bình Gia", "2"] == 0.0 and table.loc["Bình Gia", "18"] == 1.0


def test_cells_read_as_percent_and_are_shaded_darker_when_higher():
    table = district_rates.table(SCORES, [2, 5, 18])
    html = district_rates.styled(table, "vi").to_html()
    assert ">50 %<" in html and ">75 %<" in html and ">100 %<" in html and ">0 %<" in html
    assert ">75%<" in district_rates.styled(table, "en").to_html()
    assert district_rates.shade(0.0) == "background-color: #eff3ff; color: #1a1a1a"
    assert district_rates.shade(0.5) == "background-color: #6baed6; color: #1a1a1a"
    assert district_rates.shade(1.0) == "background-color: #08519c; color: #ffffff"
