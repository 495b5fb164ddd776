"""``ntm.unmet_lists``: a column of unmet lists as Python lists, flat pairs, a mask, and back, on three communes."""

import numpy as np
import pandas as pd

from ntm import unmet_lists

# DuckDB hands the lists over as int32 arrays; the today view builds Python lists; a commune may miss nothing
COLUMN = pd.Series([np.array([2, 10, 17], dtype=np.int32), [], [4]], dtype=object)


def test_plain_lists_are_python_ints():
    lists = unmet_lists.plain(COLUMN.tolist())
    assert lists == [[2, 10, 17], [], [4]]
    assert all(type(n) is int for row in lists for n in row)


def test_flat_pairs_keep_each_rows_order():
    rows, numbers = unmet_lists.flat(COLUMN)
    assert rows.tolist() == [0, 0, 0, 2] and numbers.tolist() == [2, 10, 17, 4]
    assert [a.tolist() for a in unmet_lists.flat(pd.Series([[], []], dtype=object))] == [[], []]


def test_a_mask_and_back():
    found = unmet_lists.mask(unmet_lists.flat(COLUMN), 3, 20)
    assert found.shape == (3, 20) and found.sum() == 4
    assert found[0, 10] and found[2, 4] and not found[1].any()
    assert unmet_lists.per_row(found) == [[2, 10, 17], [], [4]]
    assert unmet_lists.per_row(np.zeros((2, 5), dtype=bool)) == [[], []]


def test_runs_cut_a_flat_list_by_lengths():
    assert unmet_lists.runs(["a", "b", "c", "d"], np.array([1, 0, 3])) == [["a"], [], ["b", "c", "d"]]
    assert unmet_lists.runs([], np.array([], dtype=np.int64)) == []
