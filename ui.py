"""Streamlit glue shared by the pages: the database, the language, the shared sidebar filters.

Pages stay thin: they read ``filters()``, call ``ntm`` and draw. Nothing here computes a figure.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import duckdb
import pandas as pd
import streamlit as st

from ntm import catalog, periods, sample, store, units
from ntm.i18n import LANGS, fmt_period, t
from ntm.periods import Period

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def _database(path: str) -> duckdb.DuckDBPyConnection:
    """One connection per server process, because DuckDB lets only one process open the file;
    every rerun takes its own cursor from it (one connection shared by threads is "busy")."""
    return store.connect(path)


def cursor() -> duckdb.DuckDBPyConnection:
    return _database(str(store.db_path())).cursor()


def ready() -> bool:
    """False (with a progress display) while the first-start sample build runs; starts it on an empty database."""
    path = str(store.db_path())
    build = _sample_build(path)
    if not build["started"] and not cursor().execute("SELECT count(*) FROM units").fetchall()[0][0]:
        build["started"] = True
        threading.Thread(target=_run_build, args=(path, build), daemon=True).start()
    if build["started"] and not build["done"]:
        _first_start(build)
        return False
    if build["error"] is not None:
        st.error(tr("app.build_failed", error=build["error"]))
    return True


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


def data_version(cur: duckdb.DuckDBPyConnection) -> tuple:
    """Changes whenever an upload lands or is reverted, or targets and recognitions change:
    part of every cached query's key."""
    return tuple(
        cur.execute(
            """SELECT count(*), coalesce(max(upload_id), 0), count(*) FILTER (WHERE status = 'reverted'),
                  (SELECT count(*) FROM targets), (SELECT count(superseded_at) FROM targets),
                  (SELECT count(*) FROM unit_goals), (SELECT count(*) FROM recognitions),
                  (SELECT max(entered_at) FROM unit_groups), (SELECT count(*) FROM unit_group_members),
                  (SELECT max(entered_at) FROM unit_populations), (SELECT count(*) FROM unit_mergers)
           FROM uploads"""
        ).fetchall()[0]
    )


def lang() -> str:
    return st.session_state.get("lang", "vi")


def tr(key: str, **params) -> str:
    return t(key, lang(), **params)


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
        return self.district or self.province

    @property
    def lens(self):
        from ntm.history import Lens

        return Lens(cast(Any, self.view), cast(Any, self.rule), self.group)  # the radios offer only these values


@st.cache_data(show_spinner=False, max_entries=64)
def months(_cur, version: tuple) -> list[str]:
    rows = _cur.execute("SELECT DISTINCT strftime(period, '%Y-%m') FROM assessments ORDER BY 1 DESC").fetchall()
    return [r[0] for r in rows]


@st.cache_data(show_spinner=False, max_entries=64)
def _sets_with_data(_cur, version: tuple, start, end) -> list[str]:
    rows = _cur.execute(
        """SELECT DISTINCT a.set_id FROM assessments a JOIN criteria_sets s USING (set_id)
           WHERE a.period BETWEEN ? AND ? ORDER BY 1""",
        [start, end],
    ).fetchall()
    return [r[0] for r in rows]


@st.cache_data(show_spinner=False, max_entries=64)
def _layers_with_data(_cur, version: tuple, start, end, set_id: str) -> list[str]:
    rows = _cur.execute(
        "SELECT DISTINCT layer FROM assessments WHERE period BETWEEN ? AND ? AND set_id = ?", [start, end, set_id]
    ).fetchall()
    found = {r[0] for r in rows}
    return [layer for layer in store.LAYERS if layer in found or layer == "self"]


@st.cache_data(show_spinner=False, max_entries=64)
def _units_with_data(_cur, version: tuple, start, end, column: str, parent_id: int | None) -> list[tuple[str, str]]:
    """(code, name) of provinces or districts that have reports in the window."""
    assert column in ("province_id", "district_id")
    rows = _cur.execute(
        f"""SELECT DISTINCT p.code, p.short_name FROM assessments a JOIN units c ON c.unit_id = a.unit_id
            JOIN units p ON p.unit_id = c.{column}
            WHERE a.period BETWEEN ? AND ? AND (? IS NULL OR c.province_id = ?) ORDER BY 2""",
        [start, end, parent_id, parent_id],
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


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

    set_options = _sets_with_data(cur, version, period.start, period.end)
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
    layers = _layers_with_data(cur, version, period.start, period.end, st.session_state["set"])
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

    provinces = _units_with_data(cur, version, period.start, period.end, "province_id", None)
    codes = [c for c, _ in provinces]
    names = dict(provinces)
    _from_query("province", codes, codes[0] if codes else None)
    side.selectbox(
        tr("filter.province"),
        codes,
        key="province",
        format_func=lambda c: names.get(c, c),
        on_change=_keep,
        args=("province",),
    )
    province = units.resolve(cur, st.session_state["province"], start=period.end)

    districts = _units_with_data(cur, version, period.start, period.end, "district_id", province.unit_id)
    if st.session_state["view"] == "today" or period.end >= units.NEW_ERA_START:
        districts = []  # no district then: former districts and groupings stand in (below)
    found_groups = _groupings(cur, version, province)
    d_codes = [""] + [c for c, _ in districts]
    d_names = dict(districts)
    for g in found_groups:
        if g.key[2:] not in d_names and g.key not in d_names:
            d_codes.append(g.key)
            d_names[g.key] = t("groups.option", language, kind=t(f"groups.kind.{g.kind}", language), name=g.name)
    _keep_district_across_periods(d_codes)
    _from_query("district", d_codes, "")
    side.selectbox(
        tr("filter.district_or_group") if found_groups else tr("filter.district"),
        d_codes,
        key="district",
        format_func=lambda c: d_names.get(c, c) if c else t("filter.whole_province", language),
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
    st.query_params.from_dict(
        {
            k: st.session_state[k]
            for k in ("lang", "mode", "period", "set", "layer", "view", "rule", "province", "district")
            if st.session_state.get(k)
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
    st.info(tr(message_key, **params), icon=":material/info:")


def query(fn: Callable[..., T], cur: duckdb.DuckDBPyConnection, version: tuple, *args: Any) -> T:
    """``fn(cur, *args)`` cached per function, arguments and data version: every click reruns the page,
    the yearly series alone is several scans, and the version in the key drops stale results the
    moment an upload lands or is reverted."""
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
    st.title(tr(title_key, unit=scope_name(f), period=label))
    from ntm import history

    scores = query(history.scores, cur, version, f.scope, f.period, f.set_id, f.layer, f.lens)
    lens_note(f)
    if scores.empty:
        empty("common.no_reports", unit=f.scope.name, period=label, set_id=catalog.set_label(f.set_id, lang(), cur))
        st.stop()
    return label, scores


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
        parts.append(tr("groups.caption", kind=tr(f"groups.kind.{f.group.kind}"), name=f.group.name))
    st.caption(" · ".join(parts))


def page_start() -> tuple[Filters, duckdb.DuckDBPyConnection, tuple, str]:
    """(filters, cursor, data version, language) for a page, or a message and stop when there is no data."""
    current = filters()
    if current is None:
        empty("common.no_filters")
        st.stop()
    cur = cursor()
    return current, cur, data_version(cur), lang()
