"""Every change to the data, in one place: the permission check, the write, and its audit rows.

The app's pages and the CLI call these, never the store's writers directly. Each takes the
``Principal`` acting; a refusal is ``AccessDenied`` (or, for a file, a rejected result whose error
says why), and nothing is written. Where the writer lets the caller join its transaction (an upload,
a plan, targets), the check and the audit rows are inside it: a refused or failed change leaves no trace.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

import duckdb
import pandas as pd

from ntm import audit, catalog, loads, plans, store, targets
from ntm.access import AccessDenied, Principal, require, require_units
from ntm.ingest.importer import ImportResult, import_file
from ntm.units import Unit

T = TypeVar("T")


class RevertRefused(Exception):
    """The store would not revert the upload: ``key`` and ``params`` give the reason, translated where shown."""

    def __init__(self, key: str, **params: Any):
        from ntm.i18n import t

        super().__init__(t(key, **params))
        self.key = key
        self.params = params


# ---------------------------------------------------------------- uploads
def _upload_audit(con, principal: Principal, upload_id: int, file_name: str) -> None:
    require_units(con, principal, "upload", _upload_units(con, upload_id))
    changes = audit.met_changes(
        con,
        "SELECT unit_id, period, set_id, layer, status FROM assessments WHERE upload_id = ?",
        "SELECT unit_id, period, set_id, layer, status FROM assessment_history WHERE superseded_by = ?",
        [upload_id, upload_id],
        f"#{upload_id} {file_name}",
    )
    audit.record_frame(con, principal, "upload", changes)


def import_upload(
    con: duckdb.DuckDBPyConnection, principal: Principal, data: bytes, file_name: str, **options
) -> ImportResult:
    """``import_file`` as ``principal``: every commune the file writes must lie in their scope
    (checked on the dry run too, so the preview already says so); each commune-month is audited."""
    try:
        require(principal, "upload")
        result = import_file(
            con,
            data,
            file_name,
            uploaded_by=principal.user,
            before_commit=lambda c, upload_id: _upload_audit(c, principal, upload_id, file_name),
            **options,
        )
        if result.status == "dry-run" and result.facts is not None:
            known = [int(u) for u in result.facts["unit_id"].unique() if int(u) > 0]  # new communes: checked at load
            require_units(con, principal, "upload", known)
        name = options.get("profile")
        if name and result.status == "loaded" and result.profile is None and len(result.choices) == 1:
            save_profile(con, principal, name, result)  # ``--profile NAME`` not saved yet: this reading is saved
    except AccessDenied as exc:
        return ImportResult("rejected", errors=[exc.problem()])
    return result


# ---------------------------------------------------------------- layout profiles
def save_profile(con: duckdb.DuckDBPyConnection, principal: Principal, name: str, checked: ImportResult):
    """Save the reading ``checked`` (a dry run or a load of one sheet's table) used as the profile ``name``
    for the unit it reports on. Saving needs the right to upload; the profile's unit must lie in the scope."""
    from ntm.ingest import profiles

    require(principal, "upload")
    name = name.strip()
    if not 0 < len(name) <= 80 or not checked.choices:
        raise ValueError(name)
    if checked.unit_id is not None:
        require_units(con, principal, "upload", [checked.unit_id])
    reading = checked.choices[0].best
    saved = profiles.save(con, name, checked.unit_id, checked.fingerprints[reading.sheet], reading, principal.user)
    checked.profile = saved.name
    audit.record(con, principal, "profile_save", ref=name, new=saved.fingerprint)
    return saved


def delete_profile(con: duckdb.DuckDBPyConnection, principal: Principal, name: str) -> bool:
    from ntm.ingest import profiles

    require(principal, "upload")
    found = profiles.get(con, name)
    if found is None:
        return False
    if found.unit_id is not None:
        require_units(con, principal, "upload", [found.unit_id])
    profiles.delete(con, name)
    audit.record(con, principal, "profile_delete", ref=name, old=found.fingerprint)
    return True


def _upload_units(con, upload_id: int) -> list[int]:
    rows = con.execute(
        """SELECT unit_id FROM assessments WHERE upload_id = $id
           UNION SELECT unit_id FROM assessment_history WHERE upload_id = $id OR superseded_by = $id
           UNION SELECT unit_id FROM indicator_values WHERE upload_id = $id""",
        {"id": upload_id},
    ).fetchall()
    return [int(r[0]) for r in rows]


def revert_upload(con: duckdb.DuckDBPyConnection, principal: Principal, upload_id: int) -> int:
    """``loads.revert_upload`` as ``principal`` (every commune it touches in their scope), audited.
    The store's own refusal (not loaded, replaced by a later upload …) comes back as ``RevertRefused``."""
    require(principal, "revert")
    found = con.execute("SELECT status FROM uploads WHERE upload_id = ?", [upload_id]).fetchall()
    if not found:
        raise RevertRefused("uploads.not_found", upload_id=upload_id)
    require_units(con, principal, "revert", _upload_units(con, upload_id))
    changes = audit.met_changes(
        con,
        "SELECT unit_id, period, set_id, layer, status FROM assessment_history WHERE superseded_by = ?",
        "SELECT unit_id, period, set_id, layer, status FROM assessments WHERE upload_id = ?",
        [upload_id, upload_id],
        f"#{upload_id}",
    )
    try:
        removed = loads.revert_upload(con, upload_id)
    except AccessDenied:
        raise
    except Exception as exc:  # the store's refusal, keyed or not
        key, params = getattr(exc, "key", None), getattr(exc, "params", None)
        if isinstance(key, str) and isinstance(params, dict):
            raise RevertRefused(key, **params) from exc
        if isinstance(exc, (ValueError, LookupError, RuntimeError)) and not isinstance(exc, duckdb.Error):
            raise RevertRefused("uploads.revert_refused", upload_id=upload_id, reason=str(exc)) from exc
        raise
    with store.transaction(con):
        audit.record_frame(con, principal, "revert", changes)
    return removed


# ---------------------------------------------------------------- targets, goals, recognitions
def _plan_audit(con, principal: Principal, now: datetime, source: str) -> None:
    """Audit rows for everything written at ``now`` (targets and goals old → new, recognitions new)."""
    rows = con.execute(
        """SELECT $2 || ' · ' || level AS ref, unit_id, NULL::DATE AS period,
                  max(strftime(target_month, '%m/%Y')) FILTER (WHERE superseded_at = $1) AS old_value,
                  max(strftime(target_month, '%m/%Y') || coalesce(' · ' || plan, '')) FILTER (WHERE entered_at = $1)
                      AS new_value
           FROM targets WHERE entered_at = $1 OR superseded_at = $1 GROUP BY ALL""",
        [now, source],
    ).df()
    audit.record_frame(con, principal, "target", rows)
    goals = con.execute(
        """SELECT $2 || ' · ' || metric || ' · ' || year AS ref, unit_id, NULL::DATE AS period,
                  max(value::VARCHAR) FILTER (WHERE superseded_at = $1) AS old_value,
                  max(value::VARCHAR) FILTER (WHERE entered_at = $1) AS new_value
           FROM unit_goals WHERE entered_at = $1 OR superseded_at = $1 GROUP BY ALL""",
        [now, source],
    ).df()
    audit.record_frame(con, principal, "goal", goals)
    recognitions = con.execute(
        """SELECT $2 || ' · ' || level AS ref, unit_id, NULL::DATE AS period, NULL AS old_value,
                  decision_no || ' · ' || strftime(decision_date, '%d/%m/%Y') AS new_value
           FROM recognitions WHERE entered_at = $1""",
        [now, source],
    ).df()
    audit.record_frame(con, principal, "recognition", recognitions)


def save_targets(
    con: duckdb.DuckDBPyConnection,
    principal: Principal,
    rows: list[targets.TargetRow],
    *,
    source: str,
    replace_scope: Unit | None = None,
) -> dict[str, int]:
    """``targets.save_targets`` as ``principal``: the edited unit and every commune in ``rows`` in scope."""
    require(principal, "targets", replace_scope)
    require_units(con, principal, "targets", [r.unit_id for r in rows])
    now = datetime.now()
    with store.transaction(con):
        counts = targets.write_targets(con, rows, now, principal.user, source, replace_scope)
        _plan_audit(con, principal, now, source)
    return counts


def import_plan(
    con: duckdb.DuckDBPyConnection, principal: Principal, data: bytes, file_name: str, *, unit: str | None = None
) -> tuple[plans.PlanRows, dict[str, int]]:
    """``plans.import_plan`` as ``principal``: a refusal comes back as the plan's error (nothing written)."""

    def before_commit(c, plan: plans.PlanRows, now: datetime) -> None:
        require_units(c, principal, "plan", plan.unit_ids())
        _plan_audit(c, principal, now, f"file:{file_name}")

    try:
        require(principal, "plan")
        return plans.import_plan(con, data, file_name, unit=unit, by=principal.user, before_commit=before_commit)
    except AccessDenied as exc:
        return plans.PlanRows(errors=[exc.problem()]), {}


def add_recognition(
    con: duckdb.DuckDBPyConnection,
    principal: Principal,
    unit: Unit,
    level: targets.Level,
    decision_no: str,
    decision_date: date,
    issued_by: str | None = None,
) -> None:
    require(principal, "recognitions", unit)
    if level not in targets.LEVELS:
        raise ValueError(level)
    now = datetime.now()
    row = targets.RecognitionRow(unit.unit_id, level, decision_no, decision_date, issued_by)
    with store.transaction(con):
        targets.write_recognitions(con, [row], now)
        _plan_audit(con, principal, now, "app")


# ---------------------------------------------------------------- the criteria catalogue
def import_catalogue(con: duckdb.DuckDBPyConnection, principal: Principal, data: bytes, file_name: str) -> dict:
    """``catalog.import_workbook`` by an administrator of everywhere (the catalogue is shared by all units)."""
    require(principal, "catalogue")
    before = catalog.sets(con)
    counts = catalog.import_workbook(con, data, file_name)
    after = catalog.sets(con)
    rows = []
    for set_id in sorted(set(after["set_id"])):
        old = before[before["set_id"] == set_id]
        new = after[after["set_id"] == set_id]
        if old.to_dict("records") != new.to_dict("records"):
            rows.append(
                {
                    "ref": f"{file_name} · {set_id}",
                    "unit_id": None,
                    "period": None,
                    "old_value": _set_text(old),
                    "new_value": _set_text(new),
                }
            )
    with store.transaction(con):
        audit.record_frame(con, principal, "catalogue", pd.DataFrame(rows))
    return counts


def _set_text(frame: pd.DataFrame) -> str | None:
    if frame.empty:
        return None
    r = frame.iloc[0]
    return f"{r.get('name', '')} · {r.get('n_criteria', '')}"


# ---------------------------------------------------------------- history across the reform
def unit_data(
    con: duckdb.DuckDBPyConnection, principal: Principal, what: str, unit: Unit, change: Callable[[], T]
) -> T:
    """A change to the data behind history (groupings, mergers, populations, commune groups of ``unit``'s
    province): an administrator whose scope covers ``unit``; ``change()`` writes, then the audit row."""
    require(principal, "units", unit)
    result = change()
    with store.transaction(con):
        audit.record(con, principal, "units", ref=what, unit_id=unit.unit_id, new=str(result))
    return result


def criteria_mapping(con: duckdb.DuckDBPyConnection, principal: Principal, data: bytes, file_name: str) -> int:
    """``crosswalk.import_file`` by an administrator of everywhere: the mapping is shared, like the catalogue."""
    from ntm import crosswalk

    require(principal, "catalogue")
    count = crosswalk.import_file(con, data, file_name)
    with store.transaction(con):
        audit.record(con, principal, "catalogue", ref=f"{file_name} · mapping", new=str(count))
    return count


# ---------------------------------------------------------------- villages and resources (issue 16)
def import_villages(
    con: duckdb.DuckDBPyConnection, principal: Principal, data: bytes, file_name: str, unit: Unit, day: date
) -> dict[str, int]:
    """``village_list.import_list`` by an uploader whose scope covers ``unit`` (``AccessDenied`` else)."""
    from ntm import village_list

    require(principal, "upload", unit)
    counts = village_list.import_list(con, data, file_name, unit, day, uploaded_by=principal.user)
    with store.transaction(con):
        audit.record(con, principal, "upload", ref=f"{file_name} · villages", unit_id=unit.unit_id, new=str(counts))
    return counts


def add_village(
    con: duckdb.DuckDBPyConnection, principal: Principal, name: str, commune: Unit, code: str | None = None
) -> dict[str, int]:
    """``village_list.add_one`` by an uploader whose scope covers the commune."""
    from ntm import village_list

    require(principal, "upload", commune)
    counts = village_list.add_one(con, name, commune, code=code, uploaded_by=principal.user)
    with store.transaction(con):
        audit.record(con, principal, "upload", ref=f"{name} · villages", unit_id=commune.unit_id, new=str(counts))
    return counts


def import_quantities(
    con: duckdb.DuckDBPyConnection,
    principal: Principal,
    data: bytes,
    file_name: str,
    *,
    unit: str | None = None,
    period: str | None = None,
    dry_run: bool = False,
):
    """``quantities.import_file`` by an uploader: every unit the file writes must lie in their scope (checked
    on the dry run too); a refusal is returned as the parse's error, nothing written."""
    from ntm.ingest import quantities

    try:
        require(principal, "upload")
        parsed, _ = quantities.import_file(con, data, file_name, unit=unit, period=period, dry_run=True)
        if parsed.errors:
            return parsed, None
        written = [*parsed.values.get("unit_id", []), *parsed.plans.get("unit_id", [])]
        require_units(con, principal, "upload", [int(u) for u in written])
    except AccessDenied as exc:
        return quantities.Parsed(pd.DataFrame(), pd.DataFrame(), [exc.problem()]), None
    if dry_run:
        return parsed, None
    parsed, upload_id = quantities.import_file(
        con, data, file_name, unit=unit, period=period, uploaded_by=principal.user
    )
    if upload_id is not None:
        with store.transaction(con):
            audit.record(
                con, principal, "upload", ref=f"#{upload_id} {file_name} · resources", new=str(len(parsed.values))
            )
    return parsed, upload_id
