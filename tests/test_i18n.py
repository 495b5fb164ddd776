"""Numbers, months and dates written the way each language writes them."""

from datetime import date

from ntm.i18n import Number, Phrase, fmt_date, fmt_number, fmt_period


def test_vietnamese_decimal_comma_and_english_point():
    assert fmt_number(10.875, "vi") == "10,9" and fmt_number(10.875, "en") == "10.9"
    assert fmt_number(224409, "vi", 0) == "224.409" and fmt_number(None) == "–"


def test_months_and_decision_dates():
    assert fmt_period("2020-05", "vi") == "5/2020" and fmt_period(date(2020, 5, 1), "en") == "May 2020"
    assert fmt_date("2024-12-27", "vi") == "27/12/2024" and fmt_date(date(2024, 12, 27), "en") == "27 Dec 2024"


def test_a_number_parameter_is_written_in_the_language_of_its_message():
    understood = Phrase.of("layout.reason.communes", communes=Number(0.25, 0, share=True))
    assert "chỉ 25 % tên" in understood.text("vi") and "only 25% of the names" in understood.text("en")
    assert Number(0.534, 2).text("vi") == "0,53" and Number(0.534, 2).text("en") == "0.53"
