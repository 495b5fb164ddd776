"""``vocab.role``'s shortcut for numbers gives what the folded text would."""

import math

from ntm.ingest import vocab


def test_no_number_names_a_role_by_its_text():
    numbers = [0, 1, 7, 19, -3, 2020, 10**9, 0.5, 1.0, -2.5, 1e6, 1e-7, 1e300, math.inf, -math.inf, math.nan]
    for value in numbers:
        assert vocab.role(value) is None
        assert vocab._role(value) is None  # the slow path: folding the text and trying every role's words
    assert vocab.role("Tên xã") == "name" and vocab.role("TT") == "stt" and vocab.role(True) is None
