"""The checked grid: merged ranges filled for headers, own values for data, A1 addresses also transposed."""

from ntm.ingest.grid import from_sheet
from ntm.ingest.reader import Sheet


def test_merged_ranges_are_filled_and_addresses_survive_a_flip():
    sheet = Sheet(
        "T5",
        [["TT", "Kết quả", None, None], [None, 1, 2, 3], [1, "Đạt", "", None]],
        merged=[((0, 1), (0, 3)), ((0, 0), (1, 0))],
    )
    grid = from_sheet(sheet)
    assert [grid.value(0, c) for c in range(4)] == ["TT", "Kết quả", "Kết quả", "Kết quả"]
    assert grid.value(1, 0) == "TT" and grid.own(1, 0) is None and grid.own(2, 2) is None  # '' reads as blank
    flipped = grid.flipped()
    assert flipped.value(1, 2) == "Đạt" and flipped.a1(1, 2) == "B3" and grid.a1(2, 1) == "B3"
