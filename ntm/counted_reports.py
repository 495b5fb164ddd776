"""Which communes and which reports count for a unit and a period: the SQL the period queries share.

- ``SCOPE``: a ``scope`` CTE of the xã in ``$unit`` (a commune, district, province, or 0 for the whole country;
  one filtered scan of ``unit_scopes``, ``ntm/unit_scopes.py``),
  with their district and province names and their validity (units change with the 2025 reform);
- ``latest(period)``: each commune's latest report of the period, from the commune × year and commune × month
  summaries (``ntm/summary.py``): its month, criteria met and basically met, the unmet and basically met lists;
- ``params``: the parameters those two need.
"""

from __future__ import annotations

from ntm.periods import Period

SCOPE = """
    scope AS (SELECT unit_id, code, name, district, district_id, valid_from, valid_to, province, province_id
              FROM unit_scopes WHERE scope_id = $unit)"""  # 0: national (ntm/unit_scopes.py: one row per scope and xã)

# The same communes without a CTE: ``FROM (reports) a JOIN {IN_SCOPE}`` keeps the reports of the xã in ``$unit``, each
# with its ``unit_scopes`` row as ``s`` (a statement's fixed cost grows with its CTEs and joins).
IN_SCOPE = "unit_scopes s ON s.unit_id = a.unit_id AND s.scope_id = $unit"

# A commune counted at a window's end ``last``: valid then (units change with the 2025 reform).
VALID_AT_LAST = "(valid_to IS NULL OR valid_to >= last) AND (valid_from IS NULL OR valid_from <= last)"


def latest(period: Period) -> str:
    """Each commune's latest report of ``period`` (set ``$set``, layer ``$layer``): for a year its row of the
    commune × year summary (``$year``), for a month its month row (``$start``); ``params`` binds them."""
    if period.is_year:
        return """SELECT unit_id, period, met, basically_met, unmet, basically FROM commune_year_summary
                  WHERE year = $year AND set_id = $set AND layer = $layer"""
    return """SELECT unit_id, period, met, basically_met, unmet, basically FROM commune_month_summary
              WHERE period = $start AND set_id = $set AND layer = $layer"""


def params(period: Period, set_id: str, layer: str, **more) -> dict:
    """The parameters of a query over ``latest(period)`` (DuckDB refuses parameters a query does not use)."""
    key = {"year": period.year} if period.is_year else {"start": period.start}
    return {"set": set_id, "layer": layer, **key, **more}
