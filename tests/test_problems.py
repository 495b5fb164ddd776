"""A problem is a key with parameters and a place, translated when shown."""

import pytest

from ntm.problems import KeyedError, Problem, Rejected, column_letter


@pytest.mark.parametrize(
    ("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (16383, "XFD")]
)
def test_column_letters_as_excel_writes_them(index, letters):
    assert column_letter(index) == letters


def test_the_place_goes_in_front_in_the_users_language():
    p = Problem("period.invalid", {"text": "2020-13"}, sheet="T5-2020", row=7, column="B")
    assert p.located("vi").startswith("Trang “T5-2020”, ô B7: ")
    assert p.located("en").startswith("Sheet “T5-2020”, cell B7: ") and "2020-13" in p.located("en")
    assert Problem("period.invalid", {"text": "x"}, sheet="A", row=3).located("en").startswith("Sheet “A”, cell 3:3: ")
    assert Problem("period.invalid", {"text": "x"}, sheet="A").located("en").startswith("Sheet “A”: ")
    assert Problem("period.invalid", {"text": "x"}).located("en") == Problem("period.invalid", {"text": "x"}).message(
        "en"
    )


def test_json_carries_the_place_and_the_message():
    p = Problem("period.invalid", {"text": "x"}, sheet="A", row=3, column="C")
    assert p.as_json("en") == {"sheet": "A", "row": 3, "column": "C", "message": p.message("en")}


def test_rejected_keeps_every_error_and_names_the_first_three():
    errors = [Problem("period.invalid", {"text": str(k)}, sheet="S", row=k, column="A") for k in range(1, 6)]
    exc = Rejected(errors)
    assert exc.errors == errors and exc.warnings == []
    assert str(exc).count("Trang “S”") == 3


def test_a_keyed_error_is_translated_where_it_is_shown():
    exc = KeyedError("period.invalid", text="2020-13")
    assert exc.message("en") != exc.message("vi") and "2020-13" in exc.message("en")
    assert str(exc) == exc.message("vi") and exc.problem == Problem("period.invalid", {"text": "2020-13"})
