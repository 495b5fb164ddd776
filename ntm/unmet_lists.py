"""A column of unmet lists (each commune's unmet criterion numbers, as DuckDB's numpy arrays or Python lists) turned
into what loops over communes need: Python lists, one flat array of (row, number) pairs, a row × number mask, and
back. Stepping through a numpy array element by element cost 8 ms for a province's 450 communes; one
concatenation and one ``tolist`` cost a few hundredths of that."""

from __future__ import annotations

import numpy as np
import pandas as pd


def plain(values: list) -> list[list[int]]:
    """Each list as a Python list of ints (``tolist`` of an array; ints of anything else)."""
    return [x.tolist() if isinstance(x, np.ndarray) else [int(n) for n in x] for x in values]


def flat(unmet: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(row, criterion number) of every number in the column, row by row in the lists' order."""
    lists = unmet.tolist()
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    if not lengths.sum():
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.repeat(np.arange(len(lists)), lengths), np.concatenate(lists).astype(np.int64)


def mask(pairs: tuple[np.ndarray, np.ndarray], rows: int, width: int) -> np.ndarray:
    """Row × criterion number (``width`` above the largest): whether the row's list holds the number."""
    found = np.zeros((rows, width), dtype=bool)
    found[pairs[0], pairs[1]] = True
    return found


def per_row(found: np.ndarray) -> list[list[int]]:
    """Each row's numbers set in a row × number mask, ascending (one conversion, then a slice per row)."""
    rows, numbers = np.nonzero(found)
    return runs(numbers.tolist(), np.bincount(rows, minlength=len(found)))


def runs(items: list, lengths: np.ndarray) -> list[list]:
    """``items`` cut into consecutive runs of ``lengths`` (the rows' share of a flat list)."""
    ends = np.cumsum(lengths).tolist()
    return [items[a:b] for a, b in zip([0, *ends[:-1]], ends)]
