"""The upload log as users read it: statuses and sources in words, times as 27/12/2024 08:39."""

from __future__ import annotations

import pandas as pd

from ntm.i18n import t
from ntm.messages import MESSAGES


def _word(kind: str, value: object, lang: str) -> str:
    key = f"uploadlog.{kind}.{value}"
    return t(key, lang) if key in MESSAGES else ("" if pd.isna(value) else str(value))


def labelled(log: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """``log`` (loads.uploads / loads.unit_uploads) with ``status`` and ``source`` translated and ``uploaded_at``
    as text in the user's format; other columns as they are."""
    out = log.copy()
    for kind in ("status", "source"):
        if kind in out:
            out[kind] = [_word(kind, v, lang) for v in out[kind]]
    if "uploaded_at" in out:
        fmt = "%d/%m/%Y %H:%M" if lang != "en" else "%d %b %Y %H:%M"
        out["uploaded_at"] = [pd.Timestamp(v).strftime(fmt) if pd.notna(v) else "" for v in out["uploaded_at"]]
    return out
