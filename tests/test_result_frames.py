"""Reading a result through Arrow gives the frame ``.df()`` gives: the same dtypes and values, nulls included."""

import duckdb
import pandas as pd
import pytest

from ntm.result_frames import frame

CASES = {
    "scores-like": """SELECT * FROM (VALUES (1::INTEGER, '20001', 'Tú Xuyên', 'Văn Quan', DATE '2024-12-01', 17::BIGINT,
                      [2, 17]::INTEGER[]), (2, NULL, 'Đồng Giáp', NULL, DATE '2024-11-01', 19, [])) t(unit_id, code, name,
                      district, report_period, met, unmet)""",
    "nulls in an integer, a list, a date": """SELECT * FROM (VALUES (1, 'a', [1]::INTEGER[], DATE '2024-01-01'),
                      (NULL, NULL, NULL, NULL)) t(a, s, l, d)""",
    "a text column of nulls only": "SELECT 1::INTEGER AS a, NULL::VARCHAR AS s, true AS b, NULL::INTEGER AS n",
    "empty": "SELECT 1::INTEGER AS a, 'x' AS s, []::INTEGER[] AS l, DATE '2024-01-01' AS d WHERE false",
    "aggregates": "SELECT 2::BIGINT AS c, avg(1) AS m, 'x' AS s, 1::UTINYINT AS u, [1]::UTINYINT[] AS ul, NULL::DOUBLE AS f",
    "a map and a huge integer": "SELECT map([1, 2], ['met', 'not_met']) AS m, 1::HUGEINT AS h",
}


@pytest.mark.parametrize("sql", CASES.values(), ids=CASES.keys())
def test_the_frame_is_the_one_df_gives(sql):
    con = duckdb.connect()
    pd.testing.assert_frame_equal(frame(con, sql), con.execute(sql).df())


def test_parameters_are_bound():
    con = duckdb.connect()
    got = frame(con, "SELECT $n::INTEGER AS n, $day::DATE AS day", {"n": 3, "day": "2024-06-01"})
    assert got["n"].tolist() == [3] and str(got["day"].dtype) == "datetime64[us]"
    assert got["day"].iloc[0] == pd.Timestamp(2024, 6, 1)
