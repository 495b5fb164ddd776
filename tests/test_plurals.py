"""English counts agree with their noun ("1 error", "2 errors"); Vietnamese has no plural and is unchanged."""

import re

from ntm.i18n import t
from ntm.messages import MESSAGES


def test_one_error_two_errors():
    assert t("upload.rejected", "en", count=1).startswith("The file has 1 error;")
    assert t("upload.rejected", "en", count=2).startswith("The file has 2 errors;")
    assert t("upload.rejected", "en", count=0).startswith("The file has 0 errors;")
    assert t("upload.rejected", "vi", count=1).startswith("Tệp có 1 lỗi")


def test_one_commune_and_zero_padded_counts():
    assert t("report.n_communes", "en", count=1) == "1 commune"
    assert t("report.n_communes", "en", count=3) == "3 communes"
    assert t("compare.many", "en", count=1).startswith("1 commune:")
    assert t("groups.saved", "en", name="A", count="01").endswith("(01 commune).")
    assert t("report.n_communes", "vi", count="03") == "03 xã"


def test_several_counts_in_one_message_each_agree():
    text = t("upload.valid", "en", rows=1, communes=2)
    assert text.startswith("Valid: 1 row for 2 communes.")
    assert t("cli.import_loaded", "en", rows=19, communes=1, upload_id=7) == "Loaded 19 rows for 1 commune (upload 7)."


PLURAL_NOUNS = r"(errors|communes|rows|months|villages|values|findings|uploads|products|indicators|targets|goals|plans)"


def test_no_english_count_is_followed_by_a_bare_plural():
    """A number interpolated right before a plural noun must use the {n|one|other} form."""
    bare = re.compile(r"\{(\w+)\} (?:\w+ )?" + PLURAL_NOUNS + r"\b(?!/)")  # "communes/month" is a unit
    offenders = {key: en for key, (_, en) in MESSAGES.items() if bare.search(en)}
    assert offenders == {}


def test_vietnamese_side_never_uses_the_plural_form():
    assert [key for key, (vi, _) in MESSAGES.items() if re.search(r"\{\w+\|", vi)] == []
