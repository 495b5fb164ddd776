"""Streamlit glue shared by the pages: the database, the language, the session's account, cached queries and
the filters' record (the sidebar that sets them is ``ui_filters``).

Pages stay thin: they read ``filters()``, call ``ntm`` and draw. Nothing here computes a figure.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import duckdb
import pandas as pd
import streamlit as st

import ui_keys
from ntm import access, catalog, plain, reference, sample, store, units
from ntm.data_version import cursor as new_cursor
from ntm.data_version import data_version
from ntm.i18n import fmt_period, t
from ntm.periods import Period

T = TypeVar("T")
PAGE_PARAMS = ("commune", "print")  # URL parameters a page owns; the filters keep them when they rewrite the URL


@st.cache_resource(show_spinner=False)
def _database(path: str) -> duckdb.DuckDBPyConnection:
    """One connection per server process, because DuckDB lets only one process open the file;
    every rerun takes its own cursor from it (one connection shared by threads is "busy")."""
    return reference.connect(path)


def cursor() -> duckdb.DuckDBPyConnection:
    return new_cursor(_database(str(store.db_path())))


def database_fault(exc: Exception) -> None:
    """Show a database fault (full disk, corrupt or busy file) in the user's language with what to do;
    any other exception goes on to Streamlit."""
    from ntm import faults

    fault = faults.classify(exc, str(store.db_path())) or (
        faults.any_fault(exc, str(store.db_path())) if faults.is_database_error(exc) else None
    )
    if fault is None:
        raise exc
    st.error(fault.message(lang()), icon=":material/database:")


def ready() -> bool:
    """False (with a progress display) while the first-start sample build runs; starts it on an empty database."""
    path = str(store.db_path())
    build = _sample_build(path)
    if not build["started"] and not Path(path).exists():
        _setup_choice(path, build)  # demo data, or an empty database for the user's province
        return False
    if build["started"] and not build["done"]:
        _first_start(build)
        return False
    if build["error"] is not None:
        st.error(tr("app.build_failed", error=build["error"]))
    return True


def _setup_choice(path: str, build: dict) -> None:
    """First start on a missing database: the sample (built in a thread) or an empty database for a province,
    which opens on the upload page with a short guide."""
    st.title(tr("setup.title"))
    st.write(tr("setup.intro", path=path))
    language = lang()
    choice = st.radio(
        tr("setup.choice"), ["demo", "empty"], key="setup_choice", format_func=lambda c: t(f"setup.{c}", language)
    )
    choices = reference.provinces()
    names = dict(choices)
    code = st.selectbox(
        tr("setup.province"),
        [c for c, _ in choices],
        key="setup_province",
        format_func=lambda c: names[c],
        disabled=choice == "demo",
    )
    if st.button(tr("setup.start"), key="setup_start", type="primary"):
        if choice == "demo":
            build["started"] = True
            threading.Thread(target=_run_build, args=(path, build), daemon=True).start()
            st.rerun()
        with st.spinner(tr("app.building_step.units")):
            reference.set_province(cursor(), code)  # connecting creates the file with its reference data
        st.switch_page("views/upload.py")


@st.cache_resource(show_spinner=False)
def _sample_build(path: str) -> dict:
    """The first-start build's progress, shared by every session of this server process."""
    return {"started": False, "done": False, "fraction": 0.0, "step": "catalog", "error": None}


def _run_build(path: str, build: dict) -> None:
    """Runs in a thread, so that the page (and its Vietnamese menu) is drawn while the sample loads."""
    try:
        sample.build(_database(path).cursor(), lambda fraction, step: build.update(fraction=fraction, step=step))
    except Exception as exc:  # shown to every session; the app stays up
        build["error"] = str(exc)
    finally:
        build["done"] = True


_SETUP_ELEMENTS = 12  # at least the elements ``_setup_choice`` draws in the main area


def _first_start(build: dict) -> None:
    """No database yet: the sample is being built (about half a minute); show its progress, then start. The run
    waits here (the menu is already drawn; a click stops it at the next update) and reruns once the build is done:
    a fragment timer instead (``run_every``) could fire once more after that rerun had drawn the overview, under
    load, and leave the page blank."""
    st.info(tr("app.building"), icon=":material/hourglass_top:")
    bar = st.empty()
    for _ in range(_SETUP_ELEMENTS):  # the setup form's places, blank (a run's old elements stay until it ends)
        st.empty()
    while not build["done"]:
        bar.progress(build["fraction"], text=tr("app.building_step." + build["step"]))
        time.sleep(0.5)
    st.rerun()


def lang() -> str:
    return st.session_state.get("lang", "vi")


def tr(key: str, **params) -> str:
    return t(key, lang(), **params)


def md(key: str, **params) -> str:
    """``tr`` for Markdown elements (st.markdown/title/success/warning/info/caption …): every text parameter is
    escaped, so a name, plan, decision number or file name shows as typed, never as a link, image or colour."""
    return t(key, lang(), **{k: plain.markdown(v) if isinstance(v, str) else v for k, v in params.items()})


def refusal(exc: access.AccessDenied | Any) -> None:
    """A keyed refusal (``AccessDenied``, ``RevertRefused`` …) as an error box, its text shown as typed."""
    st.error(plain.markdown(t(exc.key, lang(), **exc.params)), icon=":material/block:")


def principal() -> access.Principal:
    """Who uses this session (set by ``signin.gate`` in app.py on every rerun); stops the page without one."""
    current = st.session_state.get("_principal")
    if not isinstance(current, access.Principal):
        st.stop()
    return current


def can_read(unit: units.Unit) -> bool:
    return access.covers(principal(), unit)


def require_read(unit: units.Unit) -> None:
    """The scope check on the unit a query asks for: outside it, a message and the page stops."""
    who = principal()
    try:
        access.require(who, "read", unit)
    except access.AccessDenied:
        st.warning(md("signin.read_denied", scope=who.scope_label), icon=":material/lock:")
        st.stop()


@dataclass(frozen=True)
class Filters:
    period: Period
    set_id: str
    province: units.Unit
    district: units.Unit | None
    layer: str = "self"  # self-assessed, appraised (thẩm định) or recognised (công nhận)
    view: str = "then"  # "then" (units as they were) or "today" (re-aggregated onto today's communes)
    rule: str = "strict"  # the merger rule of the today view
    group: Any = None  # a groupings.Grouping (former district, cluster) narrowing every figure

    @property
    def scope(self) -> units.Unit:
        """The district, else the province, else (``province`` is ``units.national``) the whole country."""
        return self.district or self.province

    @property
    def national(self) -> bool:
        return units.is_national(self.province)

    @property
    def lens(self):
        from ntm.history import Lens

        return Lens(cast(Any, self.view), cast(Any, self.rule), self.group)  # the radios offer only these values


def filters() -> Filters | None:
    return st.session_state.get("_filters")


def download_xlsx(frame: pd.DataFrame, name: str, key: str) -> None:
    from ntm.export import to_xlsx

    st.download_button(  # built when clicked (deferred): every run of the page built the workbook before
        tr("common.download_xlsx"),
        lambda: to_xlsx(frame, name),
        file_name=f"{name}.xlsx",
        key=key,
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def empty(message_key: str, **params) -> None:
    """The message shown instead of an empty chart: why it is empty and what to change."""
    st.info(md(message_key, **params), icon=":material/info:")


def query(fn: Callable[..., T], cur: duckdb.DuckDBPyConnection, version: tuple, *args: Any) -> T:
    """``fn(cur, *args)`` cached per function, arguments and data version: every click reruns the page,
    the yearly series alone is several scans, and the version in the key drops stale results the
    moment an upload lands or is reverted. Every unit asked for is checked against the session's scope first."""
    for arg in args:
        if isinstance(arg, units.Unit):
            require_read(arg)
    return _cached(f"{fn.__module__}.{fn.__qualname__}", fn, cur, version, *args)


@st.cache_data(show_spinner=False, max_entries=512, hash_funcs=ui_keys.HASH_FUNCS)
def _cached(name: str, _fn: Callable[..., T], _cur: duckdb.DuckDBPyConnection, version: tuple, *args: Any) -> T:
    """The cache behind ``query``: keyed by the function's dotted name (``name``), not its object."""
    return _fn(_cur, *args)


def scores_or_stop(
    f: Filters, cur: duckdb.DuckDBPyConnection, version: tuple, title_key: str
) -> tuple[str, pd.DataFrame]:
    """Write the page title for the scope and period; return (period label, commune scores),
    or explain why there is nothing to show and stop."""
    label = fmt_period(f.period.text, lang())
    st.title(md(title_key, unit=scope_name(f), period=label))
    from ntm import history

    scores = query(history.scores, cur, version, f.scope, f.period, f.set_id, f.layer, f.lens)
    lens_note(f)
    if scores.empty:
        empty("common.no_reports", unit=f.scope.name, period=label, set_id=catalog.set_label(f.set_id, lang(), cur))
        st.stop()
    return label, scores


def run_started() -> tuple[float, float]:
    """When this script run began (app.py's first line) and the process's CPU time then, for ``timed_run``."""
    return time.perf_counter(), time.process_time()


@contextmanager
def timed_run(page: str, started: tuple[float, float]) -> Iterator[None]:
    """With ``$NTM_TIMING_LOG`` set (the benchmark sets it), append each script run's duration on the server
    (from ``started`` to the end of the page, st.stop included) as a JSON line: the server's own time per rerun,
    apart from the browser's, and the process's CPU time meanwhile (``cpu_s``: DuckDB's threads included, and any
    other session's run at the same time; on a loaded machine it is the figure to compare). Runs of ``serve.py``'s
    own warm-up session (its ``X-NTM-Warm-Up`` header) are marked ``warm``."""
    log = os.environ.get("NTM_TIMING_LOG")
    if not log:
        yield
        return
    outcome = "ok"
    try:
        yield
    except Exception as exc:  # st.stop and st.rerun are control flow; anything else is an error
        outcome = "ok" if type(exc).__name__ in ("StopException", "RerunException") else "error"
        raise
    finally:
        ctx = st.runtime.scriptrunner.get_script_run_ctx()
        line = {"page": page, "session": ctx.session_id if ctx else None, "s": time.perf_counter() - started[0]}
        line["cpu_s"] = time.process_time() - started[1]
        line["at"] = time.time()
        if st.context.headers.get("X-NTM-Warm-Up"):  # serve.py's own session at start (serve.WARM_HEADER)
            line["warm"] = True
        with open(log, "a", encoding="utf-8") as out:
            out.write(json.dumps({**line, "outcome": outcome}) + "\n")


def province_or_stop(f: Filters) -> None:
    """Pages about single communes need a province: with "Toàn quốc" chosen, say so and stop."""
    if f.national:
        empty("national.pick_province")
        st.stop()


def scope_name(f: Filters) -> str:
    """The scope as titles name it: the unit, or the grouping ("Huyện cũ Văn Quan") when one is chosen."""
    if f.group is None:
        return f.scope.name
    return tr("groups.caption", kind=tr(f"groups.kind.{f.group.kind}"), name=f.group.name)


def district_column(f: Filters) -> str:
    """ "Huyện" before the reform; "Huyện cũ" (the former district) for communes of today."""
    return tr("col.former_district") if f.view == "today" or f.period.end >= units.NEW_ERA_START else tr("col.district")


def lens_note(f: Filters) -> None:
    """Under the title: the set in words, the view, the merger rule, the grouping — what the figures are."""
    parts = [tr("view.caption_set", set_name=catalog.set_label(f.set_id, lang(), cursor()))]
    parts.append(tr(f"view.caption.{f.view}"))
    if f.view == "today":
        parts.append(tr(f"rule.note.{f.rule}"))
    if f.group is not None:
        parts.append(md("groups.caption", kind=tr(f"groups.kind.{f.group.kind}"), name=f.group.name))
    st.caption(" · ".join(parts))


def page_start() -> tuple[Filters, duckdb.DuckDBPyConnection, tuple, str]:
    """(filters, cursor, data version, language) for a page, or a message and stop when there is no data."""
    current = filters()
    if current is None:
        empty("common.no_filters")
        st.stop()
    cur = cursor()
    return current, cur, data_version(cur), lang()
