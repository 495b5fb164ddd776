"""One commune's result in each assessment layer for one month: what the commune self-assessed, what the
district appraised (thẩm định), what was recognised — side by side, with the criteria they disagree on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from ntm.i18n import fmt_period, t
from ntm.store import LAYERS
from ntm.units import Unit


@dataclass(frozen=True)
class LayerResult:
    layer: str  # one of ntm.store.LAYERS
    met: int
    met_criteria: tuple[int, ...]


def results(con: duckdb.DuckDBPyConnection, unit: Unit, period: date, set_id: str) -> list[LayerResult]:
    """The layers that have a report of ``unit`` for the month ``period`` on ``set_id``, in LAYERS order."""
    rows = con.execute(
        """SELECT layer, list(criterion_no ORDER BY criterion_no) FILTER (WHERE status = 'met')
           FROM assessments WHERE unit_id = ? AND period = ? AND set_id = ? GROUP BY layer""",
        [unit.unit_id, period, set_id],
    ).fetchall()
    found = {layer: tuple(int(c) for c in (met or [])) for layer, met in rows}
    return [LayerResult(layer, len(found[layer]), found[layer]) for layer in LAYERS if layer in found]


def disagreements(by_layer: list[LayerResult]) -> tuple[int, ...]:
    """Criteria met in one layer and not in another."""
    sets = [set(r.met_criteria) for r in by_layer]
    if not sets:
        return ()
    return tuple(sorted(set().union(*sets) - sets[0].intersection(*sets[1:])))


def sentence(by_layer: list[LayerResult], period: date, lang: str = "vi") -> str:
    """ "Tháng 11/2024: xã tự đánh giá 19, huyện thẩm định 18 tiêu chí đạt; khác nhau ở tiêu chí 17." """
    parts = ", ".join(t(f"layers.part.{r.layer}", lang, met=r.met) for r in by_layer)
    differ = disagreements(by_layer)
    key = "layers.sentence_differ" if differ else "layers.sentence_same"
    return t(key, lang, period=fmt_period(period, lang), parts=parts, criteria=", ".join(map(str, differ)))
