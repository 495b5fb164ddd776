"""Findings as users read them: grouped with A1 ranges, capped, cell text cut."""

from ntm.ingest.findings import CAP, Findings, grouped, ranges
from ntm.problems import Problem


def test_ranges_join_runs_and_neighbouring_columns():
    cells = [(r, c) for r in range(7, 21) for c in "DEF"] + [(9, "H")]
    assert ranges(cells) == "D7:F20, H9"


def test_repeated_findings_become_one_with_their_range():
    findings = Findings()
    for r in range(7, 21):
        for c, letter in enumerate("DE", start=1):
            findings.error("import.blank", "T5", r, letter, criterion=c, set_id="ntm-2016")
    [one] = grouped(findings.errors)
    assert one.cells == "D7:E20" and one.params["criterion"] == "1, 2"
    assert one.located("en").startswith("Sheet “T5”, cell D7:E20:") and "ntm-2016" in one.message("en")


def test_findings_are_capped_and_cell_text_is_cut():
    findings = Findings()
    for k in range(CAP + 50):
        findings.error("import.bad_mark", "T5", k + 1, "D", value=f"{k}" + "x" * 200, criterion=1, set_id="s")
    shown = grouped(findings.errors)
    assert len(shown) == CAP + 1 and shown[-1] == Problem("import.more_findings", {"count": 50})
    assert len(shown[0].params["value"]) == 80
