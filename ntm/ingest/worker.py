"""Child process that checks and parses an upload: ``safety.inspect``, then python-calamine.

Reads the file's bytes on stdin and writes a pickle on stdout:
("ok", [(name, visible, rows)], special_cells) | ("rejected", [Problem]) | ("error", kind, message).
Run under memory and CPU limits by ``reader.read_workbook``, so that a hostile file (a zip bomb,
a reader that aborts or runs away, XML that takes long to scan) costs only this process.
"""

from __future__ import annotations

import io
import pickle
import sys


def parse(data: bytes, file_name: str = "") -> tuple:
    import python_calamine

    from ntm.ingest.safety import inspect
    from ntm.problems import Rejected

    try:
        inspection = inspect(data, file_name)
    except Rejected as exc:
        return ("rejected", exc.errors)
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for meta in book.sheets_metadata:
            sheet = book.get_sheet_by_name(meta.name)
            visible = (
                str(getattr(meta, "visible", "Visible")).lower().endswith("visible")
                and "hidden" not in str(getattr(meta, "visible", "")).lower()
            )
            sheets.append((meta.name, visible, sheet.to_python(skip_empty_area=False)))
        return ("ok", sheets, inspection.special_cells)
    except Exception as exc:  # every reader failure becomes a message for the user
        kind = "password" if "password" in (type(exc).__name__ + str(exc)).lower() else "corrupt"
        return ("error", kind, f"{type(exc).__name__}: {exc}"[:300])


def main() -> None:
    data = sys.stdin.buffer.read()
    file_name = sys.argv[1] if len(sys.argv) > 1 else ""
    sys.stdout.buffer.write(pickle.dumps(parse(data, file_name)))


if __name__ == "__main__":
    main()
