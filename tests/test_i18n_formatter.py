"""``i18n.formatter``: the message looked up once writes what ``t`` writes, plural words included."""

from __future__ import annotations

import pytest

from ntm.i18n import formatter, t

CASES = [
    ("report.commune_line", {"name": "Tú Xuyên", "met": 10, "n": 19, "unmet": "(2) Giao thông, (4) Điện"}),
    ("report.change_line", {"name": "Hữu Lễ", "before": 9, "after": 11, "gained": "2, 4", "lost": "–"}),
    ("phone.kpi_rest", {"count": 1, "total": 19}),  # a plural word: "1 commune", "2 communes"
    ("phone.kpi_rest", {"count": 2, "total": 38}),
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("key", "params"), CASES)
def test_formatter_writes_what_t_writes(key, params, lang):
    assert formatter(key, lang)(**params) == t(key, lang, **params)


def test_the_plural_word_agrees():
    assert "1 commune " in formatter("phone.kpi_rest", "en")(count=1, total=19)
    assert "2 communes " in formatter("phone.kpi_rest", "en")(count=2, total=38)
