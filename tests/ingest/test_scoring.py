"""Choosing among readings: the best must beat a runner-up that reads differently, and names must resolve."""

from ntm.ingest import scoring
from ntm.ingest.reading import Field, Reading


def reading(confidence, communes=1.0, first=5, family="communes-as-rows"):
    fields = (Field(1, "name"), Field(2, "criterion", 1))
    return Reading("T5", family, False, (4,), first, 20, fields).scored(confidence, {"communes": communes})


def test_confidence_is_the_weighted_mean_minus_penalties():
    assert scoring.confidence({"communes": 1, "criteria": 1, "band": 1, "numbering": 1}, {}) == 1.0
    assert scoring.confidence({"communes": 1, "criteria": 1, "band": 1, "numbering": 1}, {"duplicates": 2}) == 0.7
    assert scoring.confidence({}, {"unmapped": 3}) == 0.0


def test_a_runner_up_reading_the_same_cells_is_not_a_rival():
    same, other = reading(0.9), reading(0.88, first=6)
    choice = scoring.choose([reading(0.95), same, other])
    assert choice.runner_up is other and scoring.unclear(choice) == ["margin"]
    assert scoring.unclear(scoring.choose([reading(0.95), reading(0.5, first=6)])) == []
    assert scoring.unclear(scoring.choose([reading(0.95, communes=0.3)])) == ["communes"]
    assert scoring.unclear(scoring.choose([reading(0.4, family="template")])) == []
