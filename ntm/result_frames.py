"""A query's result as the DataFrame ``.df()`` gives, through Arrow: the same columns, types and values, for less.

DuckDB's ``.df()`` builds a Python string per text cell (a national scores frame is ~31,000 of them: about half
of the statement's time); Arrow hands pandas the strings as buffers (pandas' ``str`` columns are Arrow-backed), so
the frame costs less. Arrow turns DATE columns into Python dates where ``.df()`` gives ``datetime64[us]``: dates are
cast to microsecond timestamps first (the same instants, the same dtype). Where the two conversions part (an empty
result, a column of nulls only, nulls in an integer, boolean or list column, types other than numbers, text, dates
and lists of numbers), the Arrow table is handed back to DuckDB for its own ``.df()``.
"""

from __future__ import annotations

import warnings
from typing import cast

import duckdb
import pandas as pd
import pyarrow as pa

# DuckDB suggests ``con.sql(query).to_arrow_table()`` to spare a copy of the rows; that binds the statement a second
# time (~3 ms of CPU a statement here), more than the copy of a page's rows costs, so the advice is not followed.
warnings.filterwarnings("ignore", message="Arrow output on a DB-API result makes an extra copy", category=UserWarning)


def _plain(t: pa.DataType) -> bool:
    return pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_boolean(t)


def _same_as_df(table: pa.Table) -> bool:
    """Whether pyarrow's ``to_pandas`` gives what DuckDB's ``.df()`` would for this table."""
    if table.num_rows == 0:
        return False
    for column, field in zip(table.columns, table.schema):
        t, nulls = field.type, column.null_count
        if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_date(t):
            ok = nulls < table.num_rows  # some text: a str column (nulls as NaN); dates: NaT either way
        elif pa.types.is_floating(t):
            ok = True
        elif _plain(t) or (pa.types.is_list(t) and _plain(t.value_type)):
            ok = nulls == 0
        else:
            ok = False
        if not ok:
            return False
    return True


def arrow(con: duckdb.DuckDBPyConnection, sql: str, params: dict | list | None = None) -> pa.Table:
    """The statement's result as an Arrow table."""
    return cast(pa.Table, con.execute(sql, params).to_arrow_table())  # typed Optional; a statement gives one


def frame(con: duckdb.DuckDBPyConnection, sql: str, params: dict | list | None = None) -> pd.DataFrame:
    """``con.execute(sql, params).df()``, read through Arrow."""
    return table_frame(con, arrow(con, sql, params))


# below this many rows Arrow's thread pool costs more than it saves (a province's scores: 0,41 → 0,18 ms)
THREADS_FROM = 100_000

# an empty result's frame per schema, as DuckDB's ``.df()`` gives it (its dtypes differ from Arrow's): made once
_EMPTY: dict[pa.Schema, pd.DataFrame] = {}


def table_frame(con: duckdb.DuckDBPyConnection, table: pa.Table) -> pd.DataFrame:
    """The frame ``.df()`` gives for a result held as the Arrow ``table`` (``frame``; the in-memory summaries)."""
    if table.num_rows == 0:
        empty = _EMPTY.get(table.schema)
        if empty is None:
            empty = _EMPTY[table.schema] = con.from_arrow(table).df()
        return empty.copy()
    if not _same_as_df(table):
        return con.from_arrow(table).df()
    if any(pa.types.is_date(f.type) for f in table.schema):
        table = table.cast(
            pa.schema([pa.field(f.name, pa.timestamp("us")) if pa.types.is_date(f.type) else f for f in table.schema])
        )
    return table.to_pandas(use_threads=table.num_rows > THREADS_FROM)
