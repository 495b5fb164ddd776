"""Tables to .xlsx for download. User text never becomes a live formula."""

from __future__ import annotations

import io

import pandas as pd

from ntm import plain


def to_xlsx(frame: pd.DataFrame, sheet_name: str = "Data") -> bytes:
    """One sheet, header bold, columns sized; strings are written as strings (``=HYPERLINK`` stays text)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(
        buffer, engine="xlsxwriter", engine_kwargs={"options": {"strings_to_formulas": False, "strings_to_urls": False}}
    ) as writer:
        data = plain.frame(frame)  # text starting with = + - @ tab CR cannot run as a formula
        for column in data.columns:
            if data[column].map(lambda v: isinstance(v, (list, tuple))).any():
                data[column] = data[column].map(lambda v: ", ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        data.to_excel(writer, sheet_name=sheet_name[:31], index=False)
        sheet = writer.sheets[sheet_name[:31]]
        for i, column in enumerate(data.columns):
            width = max([len(str(column))] + [len(str(v)) for v in data[column].head(200)])
            sheet.set_column(i, i, min(60, width + 2))
    return buffer.getvalue()
