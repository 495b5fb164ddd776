"""Scoring candidate readings on evidence. Every weight lives here, with what its signal measures.

A reading's confidence is the weighted mean of its signals (each 0-1) minus its penalties, in 0-1.
It loads without questions only when it clearly beats the runner-up and the communes resolve.
"""

from __future__ import annotations

from collections.abc import Mapping

from ntm.ingest.reading import Choice, Reading

WEIGHTS: dict[str, float] = {
    # the strongest: labels in the commune column (or row) that are communes of the unit, by name or code
    "communes": 4.0,
    # share of the criteria set named by the header cells (numbers, "TC n", "Tiêu chí số n: Tên", names)
    "criteria": 2.0,
    # a header is judged by what lies below it: share of the band's criterion cells that read as results
    "band": 2.0,
    # the header row is a strictly consecutive numbering (1, 2, 3 …, not all equal) directly above the data
    "numbering": 0.5,
}
PENALTIES: dict[str, float] = {
    "duplicates": 0.15,  # per criterion found in two columns
    "outside": 0.05,  # per header number outside the set (column numbering read as criteria)
    "unmapped": 0.03,  # per non-empty header cell inside the criteria span that names no criterion
    "empty": 0.02,  # per empty header cell inside the criteria span
    "conflicts": 0.2,  # per column whose number disagrees with the criterion named above it
}
MIN_CONFIDENCE = 0.6  # below this nothing loads without the user deciding
MIN_MARGIN = 0.1  # the best must beat the runner-up by this much
MIN_COMMUNES = 0.5  # share of labels that must resolve to communes for a table to load unasked
NOT_COMMUNES = 0.2  # a table with fewer resolving labels (and no strong header) holds no commune results …
NOT_A_TABLE = 0.3  # … nor does one whose reading scores this low whatever its labels


def confidence(signals: Mapping[str, float], penalties: Mapping[str, float]) -> float:
    total = sum(WEIGHTS[k] * min(1.0, max(0.0, signals.get(k, 0.0))) for k in WEIGHTS) / sum(WEIGHTS.values())
    total -= sum(PENALTIES[k] * v for k, v in penalties.items())
    return min(1.0, max(0.0, total))


def choose(readings: list[Reading]) -> Choice | None:
    """The best reading and the best one that would read differently; None when there is none."""
    if not readings:
        return None
    ranked = sorted(readings, key=lambda r: -r.confidence)
    best = ranked[0]
    runner = next((r for r in ranked[1:] if r.signature() != best.signature()), None)
    return Choice(best, runner)


def signal(reading: Reading, name: str) -> float:
    return dict(reading.signals).get(name, 0.0)


def unclear(choice: Choice) -> list[str]:
    """Why the choice cannot load unasked: "confidence", "margin", "communes" (empty when it can)."""
    if choice.best.family == "template":
        return []
    reasons = []
    if choice.best.confidence < MIN_CONFIDENCE:
        reasons.append("confidence")
    if choice.runner_up is not None and choice.best.confidence - choice.runner_up.confidence < MIN_MARGIN:
        reasons.append("margin")
    if signal(choice.best, "communes") < MIN_COMMUNES:
        reasons.append("communes")
    return reasons


def holds_commune_results(reading: Reading) -> bool:
    """Resolving labels, or a header that names most of the set beside a commune column."""
    if signal(reading, "communes") >= NOT_COMMUNES and reading.confidence >= NOT_A_TABLE:
        return True
    return signal(reading, "criteria") >= 0.8 and reading.one("name") is not None
