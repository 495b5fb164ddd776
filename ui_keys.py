"""Cache keys for the data a cached call is given: what ``ui.query`` and ``ui_figures.kept`` hash a DataFrame, a
Series, a list or a dict argument by.

Streamlit hashes a frame by pandas' per-value hashes of its types and values (8 ms for a province's 453 commune
scores) and a list or dict element by element (a heatmap's 453 names in their order and their codes: 15 ms); a
frame with list columns (the unmet criteria, the bins' names), dicts or arrays in it cannot be hashed by pandas at
all: Streamlit then pickles it, with a warning in the server's log on every run. Here each of these is keyed by its
pickle (0,5 ms for the same frame, 4 ms with its list column), digested: the pickle holds every value, type,
index, name and order, so two arguments that differ never share a key. Two equal ones may pickle differently
(pickle notes repeated objects by identity, a dict keeps its order), which costs a rebuild, never a wrong answer;
so does a value that cannot be pickled (a key of its own each time).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from typing import Any

import pandas as pd


def digest(value: Any) -> bytes:
    """The digest of the value's pickle (protocol 5): its values, types, index, names and order."""
    try:
        data = pickle.dumps(value, protocol=5)
    except Exception:  # not picklable: never equal to anything, so never a wrong hit
        return os.urandom(20)
    return hashlib.blake2b(data, digest_size=20).digest()


HASH_FUNCS: dict[Any, Any] = {pd.DataFrame: digest, pd.Series: digest, list: digest, dict: digest}
