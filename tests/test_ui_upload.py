"""The upload page's sheet grid (``ui_upload._styled``): each band the reading found coloured on the sheet's own
rows (its columns when the reading is turned), counted from the Styler's computed styles."""

from __future__ import annotations

from ntm.ingest.grid import Grid
from ntm.ingest.reading import Field, Reading
from ui_upload import BAND_COLOURS, _styled

NAME, CRIT1, CRIT2 = Field(0, "name"), Field(1, "criterion", 1), Field(2, "criterion", 2)


def _colours(styler) -> dict[tuple[int, int], str]:
    styler._compute()
    return {cell: dict(props)["background-color"] for cell, props in styler.ctx.items()}


def test_the_header_data_and_total_rows_are_coloured_on_every_column():
    grid = Grid(
        "Tổng hợp",
        (
            ("BÁO CÁO KẾT QUẢ", None, None),  # sheet row 1: a title, outside the table
            ("Tên xã", "1", "2"),
            ("Liên Hội", "Đạt", "Chưa đạt"),
            ("Tràng Phái", "Đạt", "Đạt"),
            ("Tổng cộng", "2", "1"),
        ),
    )
    reading = Reading("Tổng hợp", "communes-as-rows", False, header=(1,), first=2, last=4, fields=(NAME, CRIT1, CRIT2))
    colours = _colours(_styled(grid, reading))
    by_row = {r: {colours[(r, c)] for c in range(3)} for r in range(5) if (r, 0) in colours}
    assert by_row == {
        1: {BAND_COLOURS["header"]},
        2: {BAND_COLOURS["data"]},
        3: {BAND_COLOURS["data"]},
        4: {BAND_COLOURS["total"]},
    }  # the title row (0) keeps no colour


def test_a_turned_reading_colours_the_sheet_columns():
    grid = Grid(
        "Huyện",
        (
            ("Tiêu chí", "Liên Hội", "Tràng Phái"),  # communes are the sheet's columns B and C
            ("1", "Đạt", "Đạt"),
            ("2", "Chưa đạt", "Đạt"),
        ),
    )
    reading = Reading("Huyện", "criteria-as-rows", True, header=(0,), first=1, last=2, fields=(NAME, CRIT1, CRIT2))
    colours = _colours(_styled(grid, reading))
    assert {colours[(r, 0)] for r in range(3)} == {BAND_COLOURS["header"]}
    assert {colours[(r, c)] for r in range(3) for c in (1, 2)} == {BAND_COLOURS["data"]}
