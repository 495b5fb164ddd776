"""A unit's summary for a period (``python -m ntm summary``): communes reporting, criteria met, the report
bins, each commune's line and the communes that did not report, as one typed record.

``summarise`` builds it from a page's scores, so the same record serves the communes as they were
(``summary``), today's communes (``ntm.history``) and villages (``ntm.villages``); ``Summary.to_json`` is
the ``--json`` object, its keys and their order a contract."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import duckdb
import pandas as pd

from ntm import metrics
from ntm.periods import Period
from ntm.today_view import Rule, View
from ntm.units import Unit, describe

Level = Literal["commune", "village"]


@dataclass(frozen=True)
class CommuneLine:
    code: str | None  # None for historical units without a code
    name: str
    met: int
    unmet: tuple[int, ...]
    predecessors: int | None = None  # today view: how many predecessors reported


@dataclass(frozen=True)
class Missing:
    code: str | None
    name: str


@dataclass(frozen=True)
class Summary:
    unit_code: str | None
    unit_name: str
    unit_path: str  # "Tỉnh Lạng Sơn (20)"
    period: str  # "2024" or "2024-06"
    set_id: str
    layer: str
    communes: int  # reporting communes (villages with ``level="village"``)
    total_met: int
    average_met: float | None  # rounded to 2 decimals; None when nobody reported
    distribution: dict[str, int]  # report bin ("19", "15-18" …) → communes
    distribution_exact: dict[str, int]  # "0" … "19" → communes meeting exactly that many
    lines: tuple[CommuneLine, ...]
    not_reported: tuple[Missing, ...]
    view: View | None = None  # None: the villages' summary, which has no view
    rule: Rule | None = None  # with a lens's view (ntm.history)
    level: Level = "commune"

    def to_json(self) -> dict:
        result: dict = {"unit": {"code": self.unit_code, "name": self.unit_name}, "period": self.period}
        result |= {"set": self.set_id, "layer": self.layer}
        if self.rule is not None:  # a lens's view (ntm.history): view and rule after the layer
            result |= {"view": self.view, "rule": self.rule}
        result |= {
            "communes": self.communes,
            "total_met": self.total_met,
            "average_met": self.average_met,
            "distribution": self.distribution,
            "distribution_exact": self.distribution_exact,
            "communes_detail": [_line_json(line) for line in self.lines],
            "not_reported": [{"code": m.code, "name": m.name} for m in self.not_reported],
            "unit_path": self.unit_path,
        }
        if self.rule is None and self.view is not None:
            result["view"] = self.view
        if self.level == "village":
            result["level"] = "village"
        return result


def _line_json(line: CommuneLine) -> dict:
    found = {"code": line.code, "name": line.name, "met": line.met, "unmet": list(line.unmet)}
    return found if line.predecessors is None else found | {"predecessors": line.predecessors}


def summarise(
    con: duckdb.DuckDBPyConnection,
    unit: Unit,
    period: Period,
    set_id: str,
    layer: str,
    scores: pd.DataFrame,
    missing: pd.DataFrame,
    *,
    view: View | None,
    rule: Rule | None = None,
    level: Level = "commune",
) -> Summary:
    """The record for ``scores`` (``metrics.commune_scores``'s columns; ``predecessors`` too in the today view)
    and ``missing`` (code, name of the units that did not report)."""
    n = metrics.n_criteria(con, set_id)
    average = metrics.average_met(scores)
    counted = "predecessors" in scores
    lines = tuple(
        CommuneLine(
            _text(r.code),
            r.name,
            int(r.met),
            tuple(int(x) for x in r.unmet),
            int(r.predecessors) if counted else None,
        )
        for r in scores.itertuples()
    )
    return Summary(
        unit_code=unit.code,
        unit_name=unit.name,
        unit_path=describe(con, unit),
        period=period.text,
        set_id=set_id,
        layer=layer,
        communes=len(scores),
        total_met=int(scores["met"].sum()) if len(scores) else 0,
        average_met=None if average is None else round(average, 2),
        distribution={row.bin: int(row.communes) for row in metrics.distribution(scores, n).itertuples()},
        distribution_exact={str(k): int(v) for k, v in metrics.exact_distribution(scores, n).items()},
        lines=lines,
        not_reported=tuple(Missing(_text(r.code), r.name) for r in missing.itertuples()),
        view=view,
        rule=rule,
        level=level,
    )


def summary(con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self") -> Summary:
    """The communes of ``unit`` as they were in ``period``."""
    scores = metrics.commune_scores(con, unit, period, set_id, layer)
    missing = metrics.not_reported(con, unit, period, set_id, layer)
    return summarise(con, unit, period, set_id, layer, scores, missing, view="then")


def _text(value: object) -> str | None:
    """A code as text, or None for historical units without one (pandas gives NaN)."""
    return value if isinstance(value, str) else None
