"""Streamlit glue shared by the pages: the database, the language, the shared sidebar filters.

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

from ntm import access, catalog, filter_options, periods, plain, reference, sample, store, units
from ntm.data_version import data_version
from ntm.i18n import LANGS, fmt_period, t
from ntm.periods import Period

T = TypeVar("T")
PAGE_PARAMS = ("commune", "print")  # URL parameters a page owns; the filters keep them when they rewrite the URL


@st.cache_resource(show_spinner=False)
def _database(path: str) -> duckdb.DuckDBPyConnection:
    """One connection per server process, because DuckDB lets only one process open the file;
    every rerun takes its own cursor from it (one connection shared by threads is "busy")."""
    return reference.connect(path)


def cursor() -> duckdb.DuckDBPyConnection:
    return _database(str(store.db_path())).cursor()


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


@st.fragment(run_every=1.0)
def _first_start(build: dict) -> None:
    """No database yet: the sample is being built (about half a minute); show its progress, then start."""
    if build["done"]:
        st.rerun(scope="app")
    st.info(tr("app.building"), icon=":material/hourglass_top:")
    st.progress(build["fraction"], text=tr("app.building_step." + build["step"]))


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


def months(cur: duckdb.DuckDBPyConnection, version: tuple) -> list[str]:
    """Every month with reports, newest first (cached)."""
    return query(filter_options.months, cur, version)


def _from_query(key: str, options: list[str], default: str | None) -> None:
    """Set a filter widget's value before it is drawn: the value kept in a plain session key
    (Streamlit resets the sidebar widgets when the user moves to another page, so the widget's own
    state cannot be trusted), else the URL on a session's first run (a bookmarked view opens as it
    was sent), else ``default``. The widget's ``on_change`` (``_keep``) records what the user picks."""
    kept = st.session_state.get("_kept_" + key)
    if kept is None:
        wanted = st.query_params.get(key)
        value = wanted if wanted in options else default
    else:
        value = kept if kept in options else default
    st.session_state[key] = st.session_state["_kept_" + key] = value


def _keep(key: str) -> None:
    st.session_state["_kept_" + key] = st.session_state.get(key)


def language_switch() -> None:
    _from_query("lang", list(LANGS), "vi")
    st.sidebar.radio(
        tr("filter.language"),
        LANGS,
        key="lang",
        horizontal=True,
        on_change=_keep,
        args=("lang",),
        format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code],
    )


def sidebar_filters(cur: duckdb.DuckDBPyConnection) -> Filters | None:
    """The filter set every page shares; mirrored in the URL's query parameters."""
    version = data_version(cur)
    available = months(cur, version)
    if not available:
        st.sidebar.info(tr("filter.no_data"))
        return None
    side = st.sidebar
    language = lang()  # format functions run again later (AppTest): bind the language now
    _from_query("mode", ["month", "year"], "year")
    side.radio(
        tr("filter.mode"),
        ["year", "month"],
        key="mode",
        horizontal=True,
        on_change=_keep,
        args=("mode",),
        format_func=lambda m: t(f"filter.mode.{m}", language),
    )
    options = available if st.session_state["mode"] == "month" else sorted({m[:4] for m in available}, reverse=True)
    _keep_period_across_modes(options)
    _from_query("period", options, options[0])
    side.selectbox(
        tr("filter.period"),
        options,
        key="period",
        format_func=lambda p: fmt_period(p, language),
        on_change=_keep,
        args=("period",),
    )
    period = periods.parse(st.session_state["period"])

    set_options = query(filter_options.sets_with_data, cur, version, period.start, period.end)
    in_force = catalog.set_for_period(cur, period.end)
    _from_query("set", set_options, in_force if in_force in set_options else next(iter(set_options), None))
    side.selectbox(
        tr("filter.set"),
        set_options,
        key="set",
        on_change=_keep,
        args=("set",),
        format_func=lambda s: catalog.set_label(s, language, cur),
    )
    layers = query(filter_options.layers_with_data, cur, version, period.start, period.end, st.session_state["set"])
    _from_query("layer", layers, "self")
    side.selectbox(
        tr("filter.layer"),
        layers,
        key="layer",
        on_change=_keep,
        args=("layer",),
        format_func=lambda layer: t(f"layer.{layer}", language),
        help=tr("filter.layer_help"),
        disabled=len(layers) == 1,
    )

    _from_query("view", ["then", "today"], "then")
    side.radio(
        tr("view.label"),
        ["then", "today"],
        key="view",
        on_change=_keep,
        args=("view",),
        format_func=lambda v: t(f"view.{v}", language),
        help=tr("view.help"),
    )
    if st.session_state["view"] == "today":
        _from_query("rule", ["strict", "weighted"], "strict")
        side.radio(
            tr("rule.label"),
            ["strict", "weighted"],
            key="rule",
            on_change=_keep,
            args=("rule",),
            format_func=lambda r: t(f"rule.{r}", language),
            help=tr("rule.help"),
        )

    provinces = query(filter_options.units_with_data, cur, version, period.start, period.end, "province")
    who = principal()
    codes = [c for c, _ in provinces if access.may_open(who, c)]  # only units the account may see
    if not codes:
        st.sidebar.info(md("signin.read_denied", scope=who.scope_label))
        return None
    if who.everywhere:
        codes = [units.NATIONAL_CODE, *codes]  # "Toàn quốc" above the provinces
    names = {units.NATIONAL_CODE: t("national.scope", language), **dict(provinces)}
    _from_query("province", codes, codes[1] if len(codes) > 1 else codes[0])
    side.selectbox(
        tr("filter.province"),
        codes,
        key="province",
        format_func=lambda c: names.get(c, c),
        on_change=_keep,
        args=("province",),
    )
    if st.session_state["province"] == units.NATIONAL_CODE:
        province, districts = units.national(t("national.scope", language)), []
    else:
        province = units.resolve(cur, st.session_state["province"], start=period.end)
        districts = query(
            filter_options.units_with_data, cur, version, period.start, period.end, "district", province.unit_id
        )
    if st.session_state["view"] == "today" or period.end >= units.NEW_ERA_START:
        districts = []  # no district then: former districts and groupings stand in (below)
    whole = access.covers(who, province)
    # groupings (former districts, clusters) narrow a province's figures: offered to those who may read it whole
    found_groups = _groupings(cur, version, province) if whole and not units.is_national(province) else []
    d_codes = [""] * whole + [c for c, _ in districts if whole or access.may_open(who, c)]
    d_names = dict(districts)
    for g in found_groups:
        if g.key[2:] not in d_names and g.key not in d_names:
            d_codes.append(g.key)
            d_names[g.key] = t("groups.option", language, kind=t(f"groups.kind.{g.kind}", language), name=g.name)
    if not d_codes:
        st.sidebar.info(md("signin.read_denied", scope=who.scope_label))
        return None
    whole_label = "national.scope" if units.is_national(province) else "filter.whole_province"
    _keep_district_across_periods(d_codes)
    _from_query("district", d_codes, d_codes[0])
    side.selectbox(
        tr("filter.district_or_group") if found_groups else tr("filter.district"),
        d_codes,
        key="district",
        format_func=lambda c: d_names.get(c, c) if c else t(whole_label, language),
        disabled=len(d_codes) == 1,
        help=tr("filter.grouping_help") if found_groups else tr("filter.district_help"),
        on_change=_keep,
        args=("district",),
    )
    district, group = None, None
    chosen = st.session_state["district"]
    if chosen and chosen[:2] in ("d:", "g:"):
        group = next((g for g in found_groups if g.key == chosen), None)
    elif chosen:
        district = units.resolve(cur, f"{province.code}/{chosen}", start=period.end)
    if not access.covers(who, district or province):  # a commune-only scope: no district or province view
        st.sidebar.info(md("signin.read_denied", scope=who.scope_label))
        return None
    st.query_params.from_dict(
        {
            **{k: v for k, v in st.query_params.items() if k in PAGE_PARAMS},  # a bookmarked commune, print view
            **{
                k: st.session_state[k]
                for k in ("lang", "mode", "period", "set", "layer", "view", "rule", "province", "district")
                if st.session_state.get(k)
            },
        }
    )
    rule = st.session_state.get("rule") or "strict"
    return Filters(
        period,
        st.session_state["set"],
        province,
        district,
        st.session_state["layer"],
        st.session_state["view"],
        rule,
        group,
    )


@st.cache_data(show_spinner=False, max_entries=64)
def _groupings(_cur, version: tuple, province: units.Unit) -> list:
    from ntm import groupings

    return groupings.available(_cur, province)


def _keep_period_across_modes(options: list[str]) -> None:
    """Switching year ↔ month keeps the time chosen: 2024 → its latest month, 5/2024 → 2024."""
    kept = st.session_state.get("_kept_period")
    if kept is None or kept in options:
        return
    if len(kept) == 7 and kept[:4] in options:
        st.session_state["_kept_period"] = kept[:4]
    elif len(kept) == 4:
        st.session_state["_kept_period"] = next((m for m in options if m[:4] == kept), None)


def _keep_district_across_periods(options: list[str]) -> None:
    """A district chosen before the reform stays chosen after it as its former district (d:code), and back."""
    kept = st.session_state.get("_kept_district")
    if not kept or kept in options:
        return
    other = kept[2:] if kept.startswith("d:") else f"d:{kept}"
    if other in options:
        st.session_state["_kept_district"] = other


def filters() -> Filters | None:
    return st.session_state.get("_filters")


def download_xlsx(frame: pd.DataFrame, name: str, key: str) -> None:
    from ntm.export import to_xlsx

    st.download_button(
        tr("common.download_xlsx"),
        to_xlsx(frame, name),
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


@st.cache_data(show_spinner=False, max_entries=512)
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


def run_started() -> float:
    """When this script run began (app.py's first line), for ``timed_run``."""
    return time.perf_counter()


@contextmanager
def timed_run(page: str, started: float) -> Iterator[None]:
    """With ``$NTM_TIMING_LOG`` set (the benchmark sets it), append each script run's duration on the server
    (from ``started`` to the end of the page, st.stop included) as a JSON line: the server's own time per rerun,
    apart from the browser's."""
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
        line = {"page": page, "session": ctx.session_id if ctx else None, "s": time.perf_counter() - started}
        line["at"] = time.time()
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
