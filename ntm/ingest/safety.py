"""Checks made on an upload's bytes before any spreadsheet library parses it.

Readers trust their input: python-calamine aborts the whole process on a 6 KB file with a
value in XFD1048576, zip bombs pass every reader, and entity declarations reach XML parsers.
So the container is inspected first: its first bytes (not its extension), zip entry sizes and
compression ratios, DTDs in any XML part, required parts, and the extent of every sheet.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from defusedxml import ElementTree

from ntm.problems import Problem, Rejected

MAX_UPLOAD_BYTES = 25 * 1024 * 1024
MAX_ENTRY_BYTES = 150 * 1024 * 1024
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_RATIO = 150
MAX_ENTRIES = 5000
MAX_ROWS = 100_000
MAX_COLUMNS = 500
MAX_CELLS = 5_000_000

_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_CELL_RE = re.compile(rb"<c\b([^>]*?)(/>|>(.*?)</c>)", re.S)
_REF_RE = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_DIM_RE = re.compile(rb'<dimension\s+ref="([A-Z]{1,3})?([0-9]{1,7})?(?::([A-Z]{1,3})([0-9]{1,7}))?"')
_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
}


@dataclass
class Inspection:
    kind: str  # "xlsx" | "xls" | "ods"
    # sheet name → {(row, column) 0-based: "formula" (no cached value) | "error" (#N/A …)}
    special_cells: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)


def _reject(key: str, **params) -> Rejected:
    return Rejected([Problem(key, params)])


def column_index(letters: bytes | str) -> int:
    value = 0
    for ch in letters if isinstance(letters, str) else letters.decode():
        value = value * 26 + ord(ch) - 64
    return value - 1


def inspect(data: bytes, file_name: str = "") -> Inspection:
    """Raise ``Rejected`` with a clear message for anything unsafe or not a workbook."""
    if not data:
        raise _reject("file.empty")
    if len(data) > MAX_UPLOAD_BYTES:
        raise _reject("file.too_large", size=round(len(data) / 1048576, 1), limit=MAX_UPLOAD_BYTES // 1048576)
    head = data[:8]
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if _ENCRYPTED in data[:1_000_000] or _ENCRYPTED in data[-1_000_000:]:
            raise _reject("file.password")
        return Inspection("xls")
    if not head.startswith(b"PK\x03\x04"):
        raise _reject("file.not_workbook", name=file_name or "?")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _reject("file.corrupt") from None
    _check_sizes(entries)
    names = {e.filename for e in entries}
    if "content.xml" in names and "mimetype" in names:
        _scan_xml(archive, [e for e in entries if e.filename.endswith(".xml")])
        return Inspection("ods")
    for required in ("[Content_Types].xml", "xl/workbook.xml"):
        if required not in names:
            raise _reject("file.missing_part", part=required)
    _scan_xml(archive, [e for e in entries if e.filename.endswith((".xml", ".rels", ".vml"))])
    return Inspection("xlsx", _scan_sheets(archive, names))


def _check_sizes(entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_ENTRIES:
        raise _reject("file.zip_bomb")
    total = 0
    for entry in entries:
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if (
            entry.file_size > MAX_ENTRY_BYTES
            or total > MAX_TOTAL_BYTES
            or (entry.file_size > 1_000_000 and ratio > MAX_RATIO)
        ):
            raise _reject("file.zip_bomb")


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        with archive.open(name) as handle:
            return handle.read(MAX_ENTRY_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        raise _reject("file.corrupt") from None


def _scan_xml(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> None:
    for entry in entries:
        with archive.open(entry) as handle:
            head = handle.read(4096).upper()
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise _reject("file.dtd", part=entry.filename)


def _sheet_paths(archive: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Sheet name → part path, from workbook.xml and its relationships."""
    try:
        workbook = ElementTree.fromstring(_read(archive, "xl/workbook.xml"))
        rels_xml = _read(archive, "xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else b"<x/>"
        rels = ElementTree.fromstring(rels_xml)
    except ElementTree.ParseError:
        raise _reject("file.corrupt") from None
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{{{_NS['pr']}}}Relationship")}
    paths: dict[str, str] = {}
    for sheet in workbook.iter(f"{{{_NS['m']}}}sheet"):
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id")) or ""
        path = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        paths[sheet.get("name") or ""] = path
    return paths


_CACHED_VALUE = re.compile(rb"<v>[^<]+</v>")


def _scan_sheets(archive: zipfile.ZipFile, names: set[str]) -> dict[str, dict[tuple[int, int], str]]:
    special: dict[str, dict[tuple[int, int], str]] = {}
    for sheet_name, path in _sheet_paths(archive, names).items():
        if path not in names:
            continue
        xml = _read(archive, path)
        dim = _DIM_RE.search(xml[:4096])
        if dim and dim.group(4):
            _check_extent(sheet_name, int(dim.group(4)), column_index(dim.group(3)))
        max_row = max_col = 0
        cells: dict[tuple[int, int], str] = {}
        for match in _CELL_RE.finditer(xml):
            ref = _REF_RE.search(match.group(1))
            if not ref:
                continue
            row, col = int(ref.group(2)), column_index(ref.group(1))
            max_row, max_col = max(max_row, row), max(max_col, col)
            body = match.group(3) or b""
            if b't="e"' in match.group(1):
                cells[(row - 1, col)] = "error"
            elif b"<f" in body and not _CACHED_VALUE.search(body):  # openpyxl writes <v></v>, others no <v>
                cells[(row - 1, col)] = "formula"
        _check_extent(sheet_name, max_row, max_col)
        special[sheet_name] = cells
    return special


def _check_extent(sheet: str, rows: int, col: int) -> None:
    if rows > MAX_ROWS or col + 1 > MAX_COLUMNS or rows * (col + 1) > MAX_CELLS:
        raise Rejected([Problem("file.dimension", {"rows": rows, "columns": col + 1}, sheet)])
