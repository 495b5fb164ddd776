"""ntm/loads.py: sub-indicator values handed over as the importer's Arrow table land exactly as a pandas frame's do,
and a load's summary rows (``summary.refresh_loaded``) are those ``summary.rebuild`` computes from the facts."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pyarrow as pa

from ntm import loads, summary
from ntm.ingest.facts import indicator_table
from tests.helpers import commune

ROWS = [  # (unit_id, period, set_id, indicator_code, value, text_value) as the importer collects them
    (None, date(2020, 5, 1), "ntm-2016", "2.1", 85.5, None),
    (None, date(2020, 5, 1), "ntm-2016", "17.3", None, "Đạt"),
    (None, date(2020, 5, 1), "ntm-2016", "5.2", 0.0, None),
]


def _facts(unit_id: int, period: str, met: list[int]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit_id": unit_id,
            "period": pd.Timestamp(period),
            "set_id": "ntm-2016",
            "criterion_no": list(range(1, 20)),
            "status": ["met" if no in met else "not_met" for no in range(1, 20)],
        }
    )


def _values(con) -> list[tuple]:
    return con.execute(
        """SELECT unit_id, period, set_id, indicator_code, value, text_value, layer, upload_id = (SELECT max(upload_id)
           FROM uploads) FROM indicator_values ORDER BY indicator_code"""
    ).fetchall()


def test_the_arrow_table_has_the_loads_columns_and_month_starts():
    table = indicator_table([(7, date(2020, 5, 1), "ntm-2016", "2.1", 1.5, None)], "appraised")
    assert table.schema.names == ["unit_id", "period", "set_id", "indicator_code", "value", "text_value", "layer"]
    assert table.schema.field("period").type == pa.date32()
    assert table.to_pylist() == [
        {
            "unit_id": 7,
            "period": date(2020, 5, 1),
            "set_id": "ntm-2016",
            "indicator_code": "2.1",
            "value": 1.5,
            "text_value": None,
            "layer": "appraised",
        }
    ]
    assert indicator_table([], "self").num_rows == 0


def test_indicator_values_from_arrow_and_from_pandas_are_the_same_rows(con):
    unit = commune(con, "Tú Xuyên").unit_id
    rows = [(unit, *r[1:]) for r in ROWS]
    loads.load_facts(con, _facts(unit, "2020-05-01", [1, 2]), source="test", indicators=indicator_table(rows, "self"))
    from_arrow = _values(con)
    frame = pd.DataFrame(rows, columns=["unit_id", "period", "set_id", "indicator_code", "value", "text_value"])
    loads.load_facts(con, _facts(unit, "2020-05-01", [1, 2]), source="test", indicators=frame)
    assert _values(con) == from_arrow
    assert [(r[3], r[4], r[5], r[6], r[7]) for r in from_arrow] == [
        ("17.3", None, "Đạt", "self", True),  # a text value: no number (NULL, not NaN)
        ("2.1", 85.5, None, "self", True),
        ("5.2", 0.0, None, "self", True),
    ]
    history = con.execute("SELECT count(*) FROM indicator_history").fetchall()[0][0]
    assert history == 3  # the first upload's values were replaced whole


def test_a_loads_summary_rows_are_the_rebuilt_ones(con):
    """Months of two years, a replacement and a second commune: the month and year rows kept by each load equal
    those rebuilt from every fact."""
    tu_xuyen, luong_nang = commune(con, "Tú Xuyên").unit_id, commune(con, "Lương Năng").unit_id
    for unit, period, met in (
        (tu_xuyen, "2020-05-01", [1, 2, 3]),
        (tu_xuyen, "2020-11-01", [1, 2, 3, 4]),
        (luong_nang, "2021-02-01", list(range(1, 20))),
        (tu_xuyen, "2020-11-01", [5]),  # replaces November: the year row follows
        (tu_xuyen, "2021-01-01", [1]),
    ):
        loads.load_facts(con, _facts(unit, period, met), source="test")
    kept = [con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in (summary.TABLE, summary.YEAR_TABLE)]
    summary.rebuild(con)
    rebuilt = [con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in (summary.TABLE, summary.YEAR_TABLE)]
    assert kept == rebuilt
    years = {(u, y): (period, met) for u, y, _, _, period, met, *_ in kept[1]}
    assert years[(tu_xuyen, 2020)] == (date(2020, 11, 1), 1)  # the replaced November report, 1 met
    assert years[(tu_xuyen, 2021)] == (date(2021, 1, 1), 1)
