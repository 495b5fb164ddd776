"""Reporting periods: a month or a year, written the ways people write them."""

from datetime import date

import pytest

from ntm import periods


@pytest.mark.parametrize(
    ("text", "start", "end", "canonical"),
    [
        ("2020-05", date(2020, 5, 1), date(2020, 5, 1), "2020-05"),
        ("2020/5", date(2020, 5, 1), date(2020, 5, 1), "2020-05"),
        (" 2020.12 ", date(2020, 12, 1), date(2020, 12, 1), "2020-12"),
        ("2024", date(2024, 1, 1), date(2024, 12, 1), "2024"),
    ],
)
def test_months_and_years(text, start, end, canonical):
    period = periods.parse(text)
    assert (period.start, period.end, period.text) == (start, end, canonical)
    assert period.is_year == (len(canonical) == 4) and period.year == start.year


@pytest.mark.parametrize("text", ["2020-13", "2020-0", "1850", "05/2020", "tháng 5", ""])
def test_what_is_not_a_period_is_refused_naming_the_text(text):
    with pytest.raises(periods.PeriodError) as caught:
        periods.parse(text)
    assert caught.value.key == "period.invalid" and caught.value.params["text"] == text.strip()
    assert text.strip() in caught.value.message("en") and "YYYY-MM" in caught.value.message("en")


def test_month_arithmetic_across_years():
    assert periods.shift_months(date(2024, 11, 1), 3) == date(2025, 2, 1)
    assert periods.shift_months(date(2025, 1, 1), -1) == date(2024, 12, 1)
    assert periods.months_between(date(2024, 11, 1), date(2025, 2, 1)) == 3
    assert periods.months_between(date(2025, 2, 1), date(2024, 11, 1)) == -3


def test_the_year_before_keeps_the_kind_of_period():
    assert periods.year_before(periods.parse("2024-11")).text == "2023-11"
    assert periods.year_before(periods.parse("2024")).text == "2023"
    assert periods.month(date(2025, 7, 14)).text == "2025-07"
