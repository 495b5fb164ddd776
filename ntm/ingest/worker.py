"""Child process that parses a workbook with python-calamine.

Reads the file's bytes on stdin and writes a pickle on stdout: ("ok", [(name, visible, rows, merged)])
or ("error", kind, message); ``merged`` lists ((row, col), (row, col)) corners, 0-based. Run under memory and CPU limits by ``reader.read_workbook``,
so that a reader that aborts or runs away takes down only this process.
"""

from __future__ import annotations

import io
import pickle
import sys


def parse(data: bytes) -> tuple:
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for meta in book.sheets_metadata:
            sheet = book.get_sheet_by_name(meta.name)
            visible = (
                str(getattr(meta, "visible", "Visible")).lower().endswith("visible")
                and "hidden" not in str(getattr(meta, "visible", "")).lower()
            )
            merged = [tuple(map(tuple, m)) for m in (getattr(sheet, "merged_cell_ranges", None) or [])]
            sheets.append((meta.name, visible, sheet.to_python(skip_empty_area=False), merged))
        return ("ok", sheets)
    except Exception as exc:  # every reader failure becomes a message for the user
        kind = "password" if "password" in (type(exc).__name__ + str(exc)).lower() else "corrupt"
        return ("error", kind, f"{type(exc).__name__}: {exc}"[:300])


def main() -> None:
    data = sys.stdin.buffer.read()
    sys.stdout.buffer.write(pickle.dumps(parse(data)))


if __name__ == "__main__":
    main()
