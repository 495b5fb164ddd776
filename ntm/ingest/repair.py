"""Workbooks other software writes that Excel opens: made readable before they are checked.

Some Windows tools write zip entries with backslashes (``xl\\workbook.xml``); Excel and calamine read them.
The entries are copied under forward-slash names (their sizes were bounded by the caller's checks of the
container: this copies no more than the zip declares, and stops at ``MAX_TOTAL``)."""

from __future__ import annotations

import io
import zipfile

MAX_TOTAL = 400 * 1024 * 1024


def normalise_paths(data: bytes) -> bytes:
    """The same workbook with ``/`` in every entry name; ``data`` itself when nothing needs changing."""
    if not data.startswith(b"PK\x03\x04") or b"\\" not in data:
        return data
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        entries = source.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return data  # the safety checks say what is wrong with it
    if not any("\\" in e.filename for e in entries) or sum(e.file_size for e in entries) > MAX_TOTAL:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in entries:
            target.writestr(entry.filename.replace("\\", "/"), source.read(entry))
    return out.getvalue()
