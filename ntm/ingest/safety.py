"""Checks made on an upload's bytes before any spreadsheet library parses it.

Readers trust their input: python-calamine aborts the whole process on a 6 KB file with a
value in XFD1048576, zip bombs pass every reader, and entity declarations reach XML parsers.
So the container is inspected first: its first bytes (not its extension), zip entry sizes and
compression ratios, DTDs in any XML part, required parts, and the extent of every sheet.

Every check is linear in the size of the file: XML is read by expat, a streaming parser (no
regular expression runs over the file's content), and byte searches go chunk by chunk. The
checks run in the reading child process (``ntm.ingest.worker``) under its memory and time
limits, never in the server.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import PurePosixPath
from xml.parsers import expat

from defusedxml import DefusedXmlException, ElementTree

from ntm.problems import Problem, Rejected

MAX_UPLOAD_BYTES = 25 * 1024 * 1024
MAX_ENTRY_BYTES = 150 * 1024 * 1024
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_RATIO = 150  # unpacked / packed, for each entry and for the whole file
RATIO_FLOOR_BYTES = 64 * 1024  # an entry smaller than this unpacks to nothing worth refusing
MAX_ENTRIES = 5000
MAX_ROWS = 100_000
MAX_COLUMNS = 500
MAX_CELLS = 5_000_000
CHUNK = 1 << 16

_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_DECLARATIONS = tuple(  # as UTF-8 (and ASCII, Latin-1) and as UTF-16, the encodings XML parsers read
    word.encode(encoding) for word in ("<!DOCTYPE", "<!ENTITY") for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
}


@dataclass
class Inspection:
    kind: str  # "xlsx" | "xlsb" | "xls" | "ods"
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
    _check_sizes(entries, len(data))
    names = {e.filename for e in entries}
    if "content.xml" in names and "mimetype" in names:
        _scan_xml(archive, [e for e in entries if e.filename.endswith(".xml")])
        return Inspection("ods")
    if "xl/workbook.bin" in names and "[Content_Types].xml" in names:  # .xlsb: binary parts, read in the child
        _scan_xml(archive, [e for e in entries if e.filename.endswith((".xml", ".rels"))])
        return Inspection("xlsb")
    for required in ("[Content_Types].xml", "xl/workbook.xml"):
        if required not in names:
            raise _reject("file.missing_part", part=required)
    _scan_xml(archive, [e for e in entries if e.filename.endswith((".xml", ".rels", ".vml"))])
    return Inspection("xlsx", _scan_sheets(archive, names))


def _check_sizes(entries: list[zipfile.ZipInfo], packed_total: int) -> None:
    """Declared sizes and compression ratios of every entry, and of the file as a whole."""
    if len(entries) > MAX_ENTRIES:
        raise _reject("file.zip_bomb")
    total = 0
    for entry in entries:
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if (
            entry.file_size > MAX_ENTRY_BYTES
            or total > MAX_TOTAL_BYTES
            or (entry.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO)
        ):
            raise _reject("file.zip_bomb")
    if total > RATIO_FLOOR_BYTES and total / max(packed_total, 1) > MAX_RATIO:
        raise _reject("file.zip_bomb")


def _open(archive: zipfile.ZipFile, name: str | zipfile.ZipInfo):
    try:
        return archive.open(name)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, KeyError):
        raise _reject("file.corrupt") from None


def _chunks(archive: zipfile.ZipFile, name: str | zipfile.ZipInfo):
    """The entry's bytes, 64 KB at a time (never more than MAX_ENTRY_BYTES in all)."""
    read = 0
    with _open(archive, name) as handle:
        while read <= MAX_ENTRY_BYTES:
            try:
                chunk = handle.read(CHUNK)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError):
                raise _reject("file.corrupt") from None
            if not chunk:
                return
            read += len(chunk)
            yield chunk


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    return b"".join(_chunks(archive, name))


def _scan_xml(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> None:
    """Refuse a DTD or entity declaration anywhere in any XML part (searched chunk by chunk)."""
    keep = max(len(d) for d in _DECLARATIONS) - 1
    for entry in entries:
        tail = b""
        for chunk in _chunks(archive, entry):
            window = (tail + chunk).upper()
            if any(d in window for d in _DECLARATIONS):
                raise _reject("file.dtd", part=entry.filename)
            tail = window[-keep:]


def _parse_xml(data: bytes, part: str):
    try:
        return ElementTree.fromstring(data)
    except DefusedXmlException:
        raise _reject("file.dtd", part=part) from None
    except (ElementTree.ParseError, ValueError):
        raise _reject("file.corrupt") from None


def _sheet_paths(archive: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Sheet name → part path, from workbook.xml and its relationships."""
    workbook = _parse_xml(_read(archive, "xl/workbook.xml"), "xl/workbook.xml")
    rels_name = "xl/_rels/workbook.xml.rels"
    rels = _parse_xml(_read(archive, rels_name), rels_name) if rels_name in names else _parse_xml(b"<x/>", "")
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{{{_NS['pr']}}}Relationship")}
    paths: dict[str, str] = {}
    for sheet in workbook.iter(f"{{{_NS['m']}}}sheet"):
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id")) or ""
        path = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        paths[sheet.get("name") or ""] = path
    return paths


def _scan_sheets(archive: zipfile.ZipFile, names: set[str]) -> dict[str, dict[tuple[int, int], str]]:
    special: dict[str, dict[tuple[int, int], str]] = {}
    for sheet_name, path in _sheet_paths(archive, names).items():
        if path in names:
            xml = _read(archive, path)
            found = _plain_extent(xml)
            if found is None:
                special[sheet_name] = _SheetScan(sheet_name).run([xml])
            else:
                _check_extent(sheet_name, *found)
                special[sheet_name] = {}
    return special


# The shape every common writer (Excel, LibreOffice, openpyxl, xlsxwriter) uses: <c r="B12" …>,
# unprefixed, r first. Each pattern starts with a literal "<" and cannot run past the tag, so a
# search over the whole part is linear.
_PLAIN_REF = re.compile(rb"""<c\s+r\s*=\s*["']([A-Z]{1,3})([0-9]{1,7})["']""")
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.-]*:(?:c|row|f)[\s/>]")
_TAG_ENDS = (b" ", b"\t", b"\n", b"\r", b">", b"/")


def _plain_extent(xml: bytes) -> tuple[int, int] | None:
    """(last row, last column) of a sheet whose every cell is written the plain way and that has no
    formula or error cell, in C-speed passes; None sends the sheet to the full scan."""
    if b"<f" in xml or b't="e"' in xml or b"t='e'" in xml or _PREFIXED.search(xml):
        return None
    tags = sum(xml.count(b"<c" + end) for end in _TAG_ENDS)
    refs = _PLAIN_REF.findall(xml)
    if len(refs) != tags:
        return None
    if not refs:
        return 0, 0
    # each distinct row number and column converted once (a sheet repeats them on every cell), in C-speed passes
    rows = max(map(int, set(map(itemgetter(1), refs))))
    return rows, max(map(column_index, set(map(itemgetter(0), refs))))


def _split_ref(ref: str) -> tuple[int, int] | None:
    """ "B12" → (12, 1): 1-based row, 0-based column; None if it is not a cell reference."""
    ref = ref.strip().upper().replace("$", "")
    split = len(ref) - len(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    letters, digits = ref[:split], ref[split:]
    if not letters or not digits.isdigit() or len(letters) > 3 or len(digits) > 7:
        return None
    return int(digits), column_index(letters)


_REF_LINES = re.compile(r"^\$?([A-Z]{1,3})\$?([0-9]{1,7})$", re.MULTILINE)  # over our own joined list: one line each


class _SheetScan:
    """One pass of expat over a sheet part: its extent and its formula and error cells.

    Rows without ``r=`` follow the previous row and cells without ``r=`` the previous cell, as
    spreadsheet readers place them; quotes of either kind and namespace prefixes are XML's own.
    The handler does as little as it can per cell: references are collected as written and
    checked in one pass at the end.
    """

    def __init__(self, sheet: str):
        self.sheet = sheet
        self.refs: list[str] = []  # r= of every cell that has one
        self.row = 0  # 1-based number of the current <row>
        self.prev: int | str = -1  # the previous cell in this row: its column, or its r= (parsed when needed)
        self.max_row = self.max_col = 0  # of cells without r=
        self.cell: tuple[int, int] | str | None = None  # a formula cell whose cached value is being looked for
        self.in_value = self.has_value = False
        self.cells: dict[tuple[int, int], str] = {}

    def run(self, chunks) -> dict[tuple[int, int], str]:
        self.parser = parser = expat.ParserCreate()
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._doctype
        parser.StartElementHandler = self._start
        try:
            for chunk in chunks:
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except expat.ExpatError:
            raise _reject("file.corrupt") from None
        self._close_formula()
        joined = "\n".join(self.refs).upper()
        found = _REF_LINES.findall(joined)
        if len(found) != len(self.refs):
            raise _reject("file.corrupt")
        if found:
            max_row = max(map(int, (digits for _, digits in found)))
            max_col = max(column_index(letters) for letters in {letters for letters, _ in found})
            self.max_row, self.max_col = max(self.max_row, max_row), max(self.max_col, max_col)
        _check_extent(self.sheet, self.max_row, self.max_col)
        return self.cells

    def _doctype(self, *args) -> None:
        raise _reject("file.dtd", part=self.sheet)

    def _place(self, cell: tuple[int, int] | str) -> tuple[int, int]:
        """0-based (row, column) of a cell given as a place or as its r=."""
        if isinstance(cell, tuple):
            return cell
        place = _split_ref(cell)
        if place is None:
            raise _reject("file.corrupt")
        return place[0] - 1, place[1]

    def _start(self, name: str, attrs: dict) -> None:
        local = name.rpartition(":")[2]
        if local == "c":
            if self.cell is not None:
                self._close_formula()
            ref = attrs.get("r")
            if ref is None:  # placed after the previous cell of the row
                prev = self.prev if isinstance(self.prev, int) else self._place(self.prev)[1]
                row = self.row or 1
                self.prev = prev + 1
                if row > self.max_row or prev + 1 > self.max_col:
                    self.max_row, self.max_col = max(self.max_row, row), max(self.max_col, prev + 1)
                    _check_extent(self.sheet, self.max_row, self.max_col)
                here: tuple[int, int] | str = (row - 1, prev + 1)
            else:
                self.refs.append(ref)
                self.prev = here = ref
            self.current = here
            if attrs.get("t") == "e":
                self.cells[self._place(here)] = "error"
        elif local == "f":
            self.cell, self.in_value, self.has_value = self.current, False, False
            self.parser.CharacterDataHandler = self._text
        elif local == "v":
            self.in_value = True
        elif local == "row":
            if self.cell is not None:
                self._close_formula()
            r = attrs.get("r", "")
            self.row = int(r) if r.strip().isdigit() and len(r) <= 8 else self.row + 1
            self.prev = -1
            if self.row > self.max_row:
                self.max_row = self.row
                _check_extent(self.sheet, self.max_row, self.max_col)
        elif local == "dimension":
            last = (attrs.get("ref") or "").rpartition(":")[2]
            place = _split_ref(last) if last else None
            if place:
                _check_extent(self.sheet, *place)

    def _text(self, data: str) -> None:
        if self.in_value and data.strip():
            self.has_value = True

    def _close_formula(self) -> None:
        """The formula cell ended: without a cached value it is reported (openpyxl writes <v></v>, others none)."""
        if self.cell is not None:
            place = self._place(self.cell)
            if not self.has_value and place not in self.cells:
                self.cells[place] = "formula"
        self.cell, self.in_value = None, False
        self.parser.CharacterDataHandler = None


def _check_extent(sheet: str, rows: int, col: int) -> None:
    if rows > MAX_ROWS or col + 1 > MAX_COLUMNS or rows * (col + 1) > MAX_CELLS:
        raise Rejected([Problem("file.dimension", {"rows": rows, "columns": col + 1}, sheet)])
