"""The criteria page's district × criterion table: every criterion of the set as a column (one met everywhere
too), each cell the share of the district's reporting communes meeting it, written "85 %" and shaded on a
sequential, colour-blind-safe blue scale (the one the criteria heatmaps use), districts in Vietnamese order."""

from __future__ import annotations

import pandas as pd

from ntm import criterion_rates
from ntm.i18n import fmt_percent
from ntm.text import sort_key

# ColorBrewer "Blues" in five steps, light to dark, with the text colour that stays readable on each
SHADES = (
    (0.2, "#eff3ff", "#1a1a1a"),
    (0.4, "#bdd7e7", "#1a1a1a"),
    (0.6, "#6baed6", "#1a1a1a"),
    (0.8, "#3182bd", "#ffffff"),
    (1.01, "#08519c", "#ffffff"),
)


def table(scores: pd.DataFrame, criteria: list[int], by: str = "district") -> pd.DataFrame:
    """Rates 0-1, districts (rows, Vietnamese order) × criteria (columns "1" … "19", every one of ``criteria``)."""
    rates = criterion_rates.rates_by_district(scores, by, criteria)
    rates = rates.loc[sorted(rates.index, key=sort_key)]
    rates.columns = [str(c) for c in rates.columns]
    rates.index.name = None
    return rates


def shade(rate: float) -> str:
    """The CSS of one cell: its background on the blue scale and a text colour readable on it."""
    if pd.isna(rate):
        return ""
    for upper, background, text in SHADES:
        if rate < upper:
            return f"background-color: {background}; color: {text}"
    return ""


def styled(rates: pd.DataFrame, lang: str = "vi"):
    """A pandas Styler for ``st.dataframe``/``st.table``: "85 %" in each cell, shaded by ``shade``."""
    return rates.style.format(lambda r: fmt_percent(r, lang, 0)).map(shade)
