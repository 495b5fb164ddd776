"""Where the dashboard's files are, whatever the current directory.

Run from a checkout (or installed from it with ``pip install -e .``), the database lives in the checkout's
``data/`` and the sample workbooks in its ``sample_data/``. Installed elsewhere, the database goes to the
user's data folder (``$XDG_DATA_HOME/ntm``, else ``~/.local/share/ntm``). ``$NTM_DB`` and ``$NTM_SAMPLE_DIR``
override both.
"""

from __future__ import annotations

import os
from pathlib import Path

# The checkout: the folder holding app.py, ntm/ and sample_data/ (site-packages when installed normally).
ROOT = Path(__file__).resolve().parent.parent


def in_checkout() -> bool:
    return (ROOT / "app.py").is_file() and (ROOT / "ntm").is_dir()


def default_db() -> Path:
    """``data/ntm.duckdb`` in the checkout, else in the user's data folder."""
    if in_checkout():
        return ROOT / "data" / "ntm.duckdb"
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "ntm" / "ntm.duckdb"


def sample_dir() -> Path:
    """The committed sample workbooks (``sample_data/`` of the checkout, or ``$NTM_SAMPLE_DIR``)."""
    return Path(os.environ.get("NTM_SAMPLE_DIR") or ROOT / "sample_data")
