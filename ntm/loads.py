"""An upload's facts in and out: loading one in one transaction, reverting one exactly, and the upload log.

Facts are long: one row per (unit, month, criteria set, criterion, assessment layer). Every fact row names
the upload that brought it; rows an upload replaces move to ``assessment_history`` (``indicator_history``,
``quantity_history``) so that the upload can be reverted.
"""

from __future__ import annotations

import hashlib
from contextlib import nullcontext, suppress
from datetime import datetime

import duckdb
import pandas as pd
import pyarrow as pa

from ntm import summary
from ntm.store import STATUSES, transaction

_FACT_COLUMNS = "unit_id, period, set_id, criterion_no, status, layer, upload_id"
_INDICATOR_COLUMNS = "unit_id, period, set_id, indicator_code, value, text_value, layer, upload_id"
_QUANTITY_COLUMNS = "unit_id, period, months, quantity, value, upload_id"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _month_starts(column: pd.Series) -> pd.Series:
    """Each value's first day of the month as a date; an upload holds a few months: each converted once."""
    if column.dtype == object:
        firsts = {p: pd.Timestamp(p).to_period("M").to_timestamp().date() for p in set(column)}
        return column.map(firsts.__getitem__)
    return pd.to_datetime(column).dt.to_period("M").dt.to_timestamp().dt.date


def _normalise_facts(facts: pd.DataFrame) -> pd.DataFrame:
    frame = facts.copy()
    if "layer" not in frame:
        frame["layer"] = "self"
    frame["period"] = _month_starts(frame["period"])
    bad = set(frame["status"].unique()) - set(STATUSES)
    if bad:
        raise ValueError(f"unknown statuses {sorted(bad)}")
    frame["criterion_no"] = frame["criterion_no"].astype("int32")
    frame["unit_id"] = frame["unit_id"].astype("int32")
    # Sorted by period, facts compress several times better and scan faster.
    return frame.sort_values(["period", "unit_id", "set_id", "criterion_no"], kind="stable")


# The current rows of a report an upload replaces, and the history table each moves to (table names: literals).
_REPLACED = (("assessments", "assessment_history"), ("indicator_values", "indicator_history"))


def _to_history(con: duckdb.DuckDBPyConnection, table: str, history: str, upload_id: int) -> None:
    """Move ``table``'s rows of the reports in ``incoming_keys`` to ``history``, marked as replaced by ``upload_id``."""
    same_report = "t.unit_id = k.unit_id AND t.period = k.period AND t.set_id = k.set_id AND t.layer = k.layer"
    con.execute(
        f"INSERT INTO {history} SELECT t.*, ? FROM {table} t SEMI JOIN incoming_keys k ON {same_report}", [upload_id]
    )
    con.execute(f"DELETE FROM {table} t USING incoming_keys k WHERE {same_report}")


def load_facts(
    con: duckdb.DuckDBPyConnection,
    facts: pd.DataFrame,
    *,
    source: str,
    indicators: pd.DataFrame | pa.Table | None = None,
    file_name: str | None = None,
    raw: bytes | None = None,
    uploaded_by: str | None = None,
    note: str | None = None,
    in_transaction: bool = False,
    layout: str | None = None,
) -> int:
    """Load one upload in one transaction and return its id.

    ``facts`` has unit_id, period, set_id, criterion_no, status (and optionally layer); ``indicators`` unit_id, period,
    set_id, indicator_code, value (and optionally text_value, layer), or is ``ingest.facts.indicator_table``'s.
    Each (unit, period, set, layer) the upload names is replaced whole, so a criterion the
    new file leaves out disappears too; the replaced rows go to ``assessment_history``.
    With ``in_transaction`` the caller has already begun the transaction (to add units with it). ``layout`` is the
    upload's layout as JSON (``uploads.layout``).
    """
    frame = _normalise_facts(facts)
    ind = None
    if isinstance(indicators, pa.Table):  # the importer's (``facts.indicator_table``): every column, month starts
        ind = indicators if indicators.num_rows else None
    elif indicators is not None and len(indicators):
        ind = indicators.copy()
        if "layer" not in ind:
            ind["layer"] = "self"
        if "text_value" not in ind:
            ind["text_value"] = None
        ind["period"] = _month_starts(ind["period"])
    with nullcontext(con) if in_transaction else transaction(con):
        upload_id = con.execute(
            """INSERT INTO uploads (upload_id, uploaded_at, uploaded_by, file_name, sha256, source, rows, communes,
                                   status, raw, note, layout)
               VALUES (nextval('upload_id_seq'), ?, ?, ?, ?, ?, ?, ?, 'loaded', ?, ?, ?) RETURNING upload_id""",
            [
                datetime.now(),
                uploaded_by,
                file_name,
                sha256(raw) if raw else None,
                source,
                len(frame),
                frame["unit_id"].nunique(),
                raw,
                note,
                layout,
            ],
        ).fetchall()[0][0]
        frame["upload_id"] = upload_id
        con.register("incoming_frame", frame)
        try:
            # The frame converted once (a scan of pandas' Python objects costs ~10 ms each time it is read), and the
            # reports it names, one row each.
            con.execute("CREATE OR REPLACE TEMP TABLE incoming_facts AS SELECT * FROM incoming_frame")
            con.execute("""CREATE OR REPLACE TEMP TABLE incoming_keys AS
                           SELECT DISTINCT unit_id, period, set_id, layer FROM incoming_facts""")
            # The indicator values of a replaced report go with it, also when the new one states none:
            # otherwise they would stay current beside the new report and a revert could not be exact.
            for table, history in _REPLACED:
                _to_history(con, table, history, upload_id)
            con.execute(f"INSERT INTO assessments SELECT {_FACT_COLUMNS} FROM incoming_facts")
            # the commune × month summary of the replaced reports, from the incoming rows (now their only facts)
            summary.refresh_loaded(con)
            if ind is not None:
                con.register("incoming_indicators", ind)
                columns = _INDICATOR_COLUMNS.replace("upload_id", "?::INTEGER")
                con.execute(f"INSERT INTO indicator_values SELECT {columns} FROM incoming_indicators", [upload_id])
            con.execute("DROP TABLE incoming_facts; DROP TABLE incoming_keys")
        finally:
            # After a failed statement the transaction is aborted and refuses even these: the rollback drops the
            # temp tables, the next load replaces the views; the error the caller sees stays the first one.
            with suppress(duckdb.Error):
                con.unregister("incoming_frame")
                if ind is not None:
                    con.unregister("incoming_indicators")
    return int(upload_id)


class RevertRefused(ValueError):
    """An upload that cannot be reverted: a keyed message (``store.revert_*``) translated where shown."""

    def __init__(self, key: str, **params):
        super().__init__(f"{key} {params}")
        self.key, self.params = key, params

    def message(self, lang: str = "vi") -> str:
        from ntm.i18n import t

        return t(self.key, lang, **self.params)


def revert_blockers(con: duckdb.DuckDBPyConnection, upload_id: int | None = None) -> dict[int, list[int]]:
    """Upload → the later uploads that replaced some of its rows (newest first); only uploads that have some.

    Such an upload cannot be reverted alone: its rows are history now, and putting back what it
    replaced would sit beside the later rows. The later ones are reverted first (newest first).
    """
    rows = con.execute(
        """SELECT upload_id, list(DISTINCT superseded_by ORDER BY superseded_by DESC)
           FROM (SELECT upload_id, superseded_by FROM assessment_history
                 UNION ALL SELECT upload_id, superseded_by FROM indicator_history
                 UNION ALL SELECT upload_id, superseded_by FROM quantity_history)  -- resources (ntm.resources)
           WHERE ? IS NULL OR upload_id = ? GROUP BY upload_id""",
        [upload_id, upload_id],
    ).fetchall()
    return {int(u): [int(v) for v in later] for u, later in rows}


def revert_upload(con: duckdb.DuckDBPyConnection, upload_id: int) -> int:
    """Undo an upload: remove its rows and bring back the rows it replaced, exactly as they were.

    Refused (``RevertRefused``) for an upload that is not loaded, for a village list (it adds units: the
    list is edited instead), and for one whose rows (criteria, indicator or quantity values) a later
    upload replaced (the message names the later uploads to revert first): reverting it alone would
    put the rows it replaced back beside the later ones. Returns the number of fact rows removed.
    """
    with transaction(con):
        status = con.execute("SELECT status, source FROM uploads WHERE upload_id = ?", [upload_id]).fetchall()
        if not status or status[0][0] != "loaded":
            raise RevertRefused("store.revert_not_loaded", upload_id=upload_id)
        if str(status[0][1]).startswith("villages"):  # a village list adds units; edit the list instead
            raise RevertRefused("store.revert_village_list", upload_id=upload_id)
        later = revert_blockers(con, upload_id).get(int(upload_id))
        if later:
            raise RevertRefused(
                "store.revert_blocked", upload_id=upload_id, later=", ".join(map(str, later)), first=later[0]
            )
        removed = con.execute(
            """SELECT (SELECT count(*) FROM assessments WHERE upload_id = $id)
                      + (SELECT count(*) FROM quantity_values WHERE upload_id = $id)""",
            {"id": upload_id},
        ).fetchall()[0][0]
        for table, history, columns in (
            ("assessments", "assessment_history", _FACT_COLUMNS),
            ("indicator_values", "indicator_history", _INDICATOR_COLUMNS),
            ("quantity_values", "quantity_history", _QUANTITY_COLUMNS),  # resources (ntm.resources)
        ):
            con.execute(f"DELETE FROM {table} WHERE upload_id = ?", [upload_id])
            con.execute(f"INSERT INTO {table} SELECT {columns} FROM {history} WHERE superseded_by = ?", [upload_id])
            con.execute(f"DELETE FROM {history} WHERE superseded_by = ?", [upload_id])
        summary.refresh_upload(con, upload_id)  # its reports' summary rows, from the facts now in place
        con.execute("DELETE FROM quantity_plans WHERE upload_id = ?", [upload_id])
        con.execute("UPDATE uploads SET status = 'reverted' WHERE upload_id = ?", [upload_id])
    return int(removed)


def unit_uploads(con: duckdb.DuckDBPyConnection, unit_id: int) -> pd.DataFrame:
    """Uploads that brought a unit's current or replaced rows, newest first."""
    return con.execute(
        """SELECT DISTINCT u.upload_id, u.uploaded_at, u.file_name, u.source, u.status
           FROM uploads u JOIN (SELECT upload_id FROM assessments WHERE unit_id = ?
                                UNION SELECT upload_id FROM assessment_history WHERE unit_id = ?) x USING (upload_id)
           ORDER BY u.upload_id DESC""",
        [unit_id, unit_id],
    ).df()


def uploads(con: duckdb.DuckDBPyConnection, limit: int = 200) -> pd.DataFrame:
    """The upload log, newest first (without the raw bytes)."""
    return con.execute(
        """SELECT upload_id, uploaded_at, uploaded_by, file_name, sha256, source, rows, communes, status, note
           FROM uploads ORDER BY upload_id DESC LIMIT ?""",
        [limit],
    ).df()
