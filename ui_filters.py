"""The sidebar filters every page shares (language, time, set, layer, view, scope), kept across pages and
mirrored in the URL's query parameters; ``ui.Filters`` is what they produce.

Streamlit resets the sidebar widgets when the user moves to another page, so each widget's value is kept in a
plain session key (``_kept_<key>``) and set again before the widget is drawn (``_choice``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import duckdb
import streamlit as st

import ui
from ntm import access, catalog, filter_options, periods, units
from ntm.data_version import data_version
from ntm.i18n import LANGS, fmt_period, t
from ntm.periods import Period

URL_KEYS = ("lang", "mode", "period", "set", "layer", "view", "rule", "province", "district")


def months(cur: duckdb.DuckDBPyConnection, version: tuple) -> list[str]:
    """Every month with reports, newest first (cached)."""
    return ui.query(filter_options.months, cur, version)


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


def _choice(
    widget: Callable[..., Any],
    key: str,
    label: str,
    options: list[str],
    default: str | None,
    format_func: Callable[[str], str],
    **extra: Any,
) -> Any:
    """One kept sidebar widget (``st.sidebar.radio`` or ``.selectbox``): its value set from what was kept
    (``_from_query``), what the user picks kept again; returns the value chosen."""
    _from_query(key, options, default)
    widget(label, options, key=key, on_change=_keep, args=(key,), format_func=format_func, **extra)
    return st.session_state[key]


def _words(prefix: str, language: str) -> Callable[[str], str]:
    """An option's label: the message ``<prefix>.<option>`` in ``language``, bound now (format functions run
    again later, under AppTest)."""
    return lambda option: t(f"{prefix}.{option}", language)


def _radio(key: str, label_key: str, options: list[str], words: str, language: str, **extra: Any) -> Any:
    """A kept sidebar radio: the first option is the default, each option's label the message ``<words>.<option>``."""
    return _choice(st.sidebar.radio, key, ui.tr(label_key), options, options[0], _words(words, language), **extra)


def language_switch() -> None:
    """The language radio, labelled in the language chosen: the choice is read (kept, or the URL's) before the
    label is written, so a link with ``lang=en`` to any page says "Language" on its first run."""
    names = {"vi": "Tiếng Việt", "en": "English"}
    _from_query("lang", list(LANGS), "vi")
    _choice(st.sidebar.radio, "lang", ui.tr("filter.language"), list(LANGS), "vi", names.__getitem__, horizontal=True)


def _period(available: list[str], language: str) -> Period:
    """Year or month, then which one; switching year ↔ month keeps the time chosen."""
    mode = _radio("mode", "filter.mode", ["year", "month"], "filter.mode", language, horizontal=True)
    options = available if mode == "month" else sorted({m[:4] for m in available}, reverse=True)
    _keep_period_across_modes(options)
    chosen = _choice(
        st.sidebar.selectbox, "period", ui.tr("filter.period"), options, options[0], lambda p: fmt_period(p, language)
    )
    return periods.parse(chosen)


def _set_and_layer(cur: duckdb.DuckDBPyConnection, version: tuple, period: Period, language: str) -> None:
    """The criteria set (the one in force, when it has data) and the assessment layer, among those with data."""
    side = st.sidebar
    set_options = ui.query(filter_options.sets_with_data, cur, version, period.start, period.end)
    in_force = catalog.set_for_period(cur, period.end)
    set_id = _choice(
        side.selectbox,
        "set",
        ui.tr("filter.set"),
        set_options,
        in_force if in_force in set_options else next(iter(set_options), None),
        lambda s: catalog.set_label(s, language, cur),
    )
    layers = ui.query(filter_options.layers_with_data, cur, version, period.start, period.end, set_id)
    _choice(
        side.selectbox,
        "layer",
        ui.tr("filter.layer"),
        layers,
        "self",
        _words("layer", language),
        help=ui.tr("filter.layer_help"),
        disabled=len(layers) == 1,
    )


def _view_and_rule(language: str) -> None:
    """Units as they were, or today's communes (then with the merger rule)."""
    view = _radio("view", "view.label", ["then", "today"], "view", language, help=ui.tr("view.help"))
    if view == "today":
        _radio("rule", "rule.label", ["strict", "weighted"], "rule", language, help=ui.tr("rule.help"))


def _denied(who: access.Principal) -> None:
    st.sidebar.info(ui.md("signin.read_denied", scope=who.scope_label))


def sidebar_filters(cur: duckdb.DuckDBPyConnection) -> ui.Filters | None:
    """The filter set every page shares; mirrored in the URL's query parameters."""
    version = data_version(cur)
    available = months(cur, version)
    if not available:
        st.sidebar.info(ui.tr("filter.no_data"))
        return None
    language = ui.lang()  # format functions run again later (AppTest): bind the language now
    period = _period(available, language)
    _set_and_layer(cur, version, period, language)
    _view_and_rule(language)
    scope = _scope(cur, version, period, language)
    if scope is None:
        return None
    province, district, group = scope
    st.query_params.from_dict(
        {
            **{k: v for k, v in st.query_params.items() if k in ui.PAGE_PARAMS},  # a bookmarked commune, print view
            **{k: st.session_state[k] for k in URL_KEYS if st.session_state.get(k)},
        }
    )
    rule = st.session_state.get("rule") or "strict"
    return ui.Filters(
        period,
        st.session_state["set"],
        province,
        district,
        st.session_state["layer"],
        st.session_state["view"],
        rule,
        group,
    )


def _unit_at(cur: duckdb.DuckDBPyConnection, text: str, day: date) -> units.Unit:
    """``units.resolve`` of a filter's code as valid on ``day`` (cached by ``ui.query``: every run of every page asks)."""
    return units.resolve(cur, text, start=day)


def _scope(
    cur: duckdb.DuckDBPyConnection, version: tuple, period: Period, language: str
) -> tuple[units.Unit, units.Unit | None, Any] | None:
    """(province, district, grouping) among the units the account may read, or None (with a message)."""
    side = st.sidebar
    provinces = ui.query(filter_options.units_with_data, cur, version, period.start, period.end, "province")
    who = ui.principal()
    codes = [c for c, _ in provinces if access.may_open(who, c)]  # only units the account may see
    if not codes:
        _denied(who)
        return None
    if who.everywhere:
        codes = [units.NATIONAL_CODE, *codes]  # "Toàn quốc" above the provinces
    names = {units.NATIONAL_CODE: t("national.scope", language), **dict(provinces)}
    chosen_province = _choice(
        side.selectbox,
        "province",
        ui.tr("filter.province"),
        codes,
        codes[1] if len(codes) > 1 else codes[0],
        lambda c: names.get(c, c),
    )
    if chosen_province == units.NATIONAL_CODE:
        province, districts = units.national(t("national.scope", language)), []
    else:
        province = ui.query(_unit_at, cur, version, chosen_province, period.end)
        districts = ui.query(
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
        _denied(who)
        return None
    whole_label = "national.scope" if units.is_national(province) else "filter.whole_province"
    _keep_district_across_periods(d_codes)
    chosen = _choice(
        side.selectbox,
        "district",
        ui.tr("filter.district_or_group") if found_groups else ui.tr("filter.district"),
        d_codes,
        d_codes[0],
        lambda c: d_names.get(c, c) if c else t(whole_label, language),
        disabled=len(d_codes) == 1,
        help=ui.tr("filter.grouping_help") if found_groups else ui.tr("filter.district_help"),
    )
    district, group = None, None
    if chosen and chosen[:2] in ("d:", "g:"):
        group = next((g for g in found_groups if g.key == chosen), None)
    elif chosen:
        district = ui.query(_unit_at, cur, version, f"{province.code}/{chosen}", period.end)
    if not access.covers(who, district or province):  # a commune-only scope: no district or province view
        _denied(who)
        return None
    return province, district, group


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
