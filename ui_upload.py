"""Streamlit glue for the guided upload page: the mapping step (the sheet as a grid with its bands, the reading
and its confidence, the user's corrections, the saved profile) and the change list. What a step computes is in
``ntm.ingest.mapping``, ``ntm.ingest.changes`` and ``ntm.writes``; here it is drawn."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import streamlit as st

import ui
from ntm import writes
from ntm.access import AccessDenied
from ntm.i18n import fmt_period, t
from ntm.ingest import facts, mapping, scoring
from ntm.ingest.grid import Grid
from ntm.ingest.reading import Reading
from ntm.problems import Problem, column_letter

BAND_COLOURS = {"header": "#cfe2ff", "data": "#d9f2e3", "total": "#e2e3e5"}
LAYOUT_ERRORS = ("layout.", "import.no_table", "profile.", "import.bad_mark", "import.empty_status")
PAGE_WORDING = {"import.unknown_commune": "upload.unknown_commune_page"}  # no command-line flags on the page


def problems(errors: list[Problem], lang: str) -> pd.DataFrame:
    rows = []
    for p in errors:
        text = t(PAGE_WORDING[p.key], lang, **p.params) if p.key in PAGE_WORDING else p.message(lang)
        rows.append(
            {
                ui.tr("upload.where"): f"{p.sheet or ''} {p.column or ''}{p.row or ''}".strip(),
                ui.tr("upload.message"): text,
            }
        )
    return pd.DataFrame(rows)


def _label(reading_transposed: bool, index: int) -> str:
    """A read-grid column as the sheet names it: a letter, or a row number when read transposed."""
    return str(index + 1) if reading_transposed else column_letter(index)


def _styled(grid: Grid, reading: Reading | None):
    shown = mapping.frame(grid, reading)
    if reading is None:
        return shown
    bands = mapping.bands(grid, reading)

    def colour(frame: pd.DataFrame) -> np.ndarray:
        """One CSS text per cell, a band's colour on its rows (its columns when transposed); filled in a plain array
        (setting rows of a frame of Arrow strings rewrote every column per row: 1 s for a sheet of 500 xã)."""
        css = np.full(frame.shape, "", dtype=object)
        row_at = {number: k for k, number in enumerate(frame.index)}  # the index holds sheet row numbers
        for i, band in bands.items():
            if not band:
                continue
            if reading.transposed and i < css.shape[1]:
                css[:, i] = f"background-color: {BAND_COLOURS[band]}"
            elif not reading.transposed and i + 1 in row_at:
                css[row_at[i + 1], :] = f"background-color: {BAND_COLOURS[band]}"
        return css

    return shown.style.apply(colour, axis=None)


def mapping_step(entry: dict, tag: str, recheck: Callable) -> None:
    """The reading of each sheet, corrected by the user and checked again; open when the machine is unsure."""
    result = entry["result"]
    unsure = result.status == "rejected" and any(p.key.startswith(LAYOUT_ERRORS) for p in result.errors)
    unsure = unsure or any(c.best.confidence < scoring.MIN_CONFIDENCE for c in result.choices)
    if "grids" not in entry:
        entry["grids"] = mapping.grids(entry["raw"], entry["name"])
    grids: list[Grid] = entry["grids"]
    if not grids:
        return
    with st.expander(
        ui.tr("upload.mapping_title"), expanded=unsure or bool(entry["readings"])
    ):  # kept open once edited
        if unsure:
            st.info(ui.tr("upload.mapping_unsure"))
        names = [g.sheet for g in grids]
        sheet = names[0] if len(names) == 1 else st.selectbox(ui.tr("upload.mapping_sheet"), names, key=f"sheet-{tag}")
        grid = grids[names.index(sheet)]
        chosen = {c.best.sheet: c.best for c in result.choices}
        reading = chosen.get(sheet) or entry["readings"].get(sheet)  # as re-checked, with its confidence
        if reading is not None:
            st.caption(ui.tr("upload.mapping_reading", reading=facts.describe(reading, grid)))
        else:
            st.warning(ui.tr("upload.mapping_none"))
        st.dataframe(_styled(grid, reading), width="stretch", height=360, key=f"grid-{tag}")
        _corrections(entry, f"{tag}-{entry.setdefault('version', 0)}", grid, reading, recheck)
        if result.status == "dry-run" and reading is not None:
            _save_profile(entry, tag)


def _corrections(entry: dict, tag: str, grid: Grid, reading: Reading | None, recheck: Callable) -> None:
    left, middle, right = st.columns(3)
    flipped = left.radio(
        ui.tr("upload.mapping_orientation"),
        [False, True],
        index=int(reading.transposed) if reading else 0,
        format_func=lambda v: ui.tr("upload.orientation." + ("columns" if v else "rows")),
        key=f"orient-{tag}",
    )
    view = grid.flipped() if flipped else grid
    heads = list(range(min(view.height, mapping.MAX_SHOWN_ROWS)))
    current = reading.header[-1] if reading and reading.header and reading.transposed == flipped else None
    header = middle.selectbox(
        ui.tr("upload.mapping_header_column" if flipped else "upload.mapping_header"),
        heads,
        index=heads.index(current) if current in heads else None,
        format_func=lambda i: column_letter(i) if flipped else str(i + 1),
        key=f"header-{tag}",
        placeholder=ui.tr("upload.pick"),
    )
    columns = list(range(min(view.width, mapping.MAX_SHOWN_COLUMNS)))
    name = reading.one("name") if reading and reading.transposed == flipped else None
    commune = right.selectbox(
        ui.tr("upload.mapping_commune_row" if flipped else "upload.mapping_commune"),
        columns,
        index=columns.index(name.index) if name and name.index in columns else None,
        format_func=lambda i: _label(flipped, i),
        key=f"commune-{tag}",
        placeholder=ui.tr("upload.pick"),
    )
    verdict = None
    if reading is not None and reading.family == "form":
        old = reading.one("verdict")
        verdict = st.selectbox(
            ui.tr("upload.mapping_verdict"),
            columns,
            index=columns.index(old.index) if old and old.index in columns else None,
            format_func=lambda i: _label(flipped, i),
            key=f"verdict-{tag}",
            placeholder=ui.tr("upload.pick"),
        )
    a, b, c = st.columns(3)
    column = a.selectbox(
        ui.tr("upload.mapping_row" if flipped else "upload.mapping_column"),
        columns,
        index=None,
        format_func=lambda i: _label(flipped, i),
        key=f"col-{tag}",
        placeholder=ui.tr("upload.pick"),
    )
    meaning = b.selectbox(
        ui.tr("upload.mapping_meaning"),
        mapping.MEANINGS,
        index=None if column is None or reading is None else _meaning_index(reading, column),
        format_func=lambda m: ui.tr("upload.meaning." + m),
        key=f"meaning-{tag}",
        placeholder=ui.tr("upload.pick"),
    )
    criterion = c.number_input(ui.tr("upload.mapping_criterion"), 1, 99, 1, key=f"crit-{tag}")
    if st.button(ui.tr("upload.recheck"), key=f"recheck-{tag}"):
        base = reading if reading is not None and reading.transposed == flipped else None
        if header is not None and (base is None or header != (base.header[-1] if base.header else None)):
            base = mapping.at_header(grid, entry_vocab(), header, transposed=flipped)
            if base is None:
                st.error(ui.tr("upload.no_criteria_row"))
                return
        if base is None:
            st.error(ui.tr("upload.mapping_none"))
            return
        if commune is not None and (base.one("name") is None or base.one("name").index != commune):
            base = mapping.with_meaning(base, commune, "name")
        if verdict is not None:
            base = mapping.with_meaning(base, verdict, "verdict")
        if column is not None and meaning is not None:
            base = mapping.with_meaning(base, column, meaning, int(criterion) if meaning == "criterion" else None)
        entry["readings"][grid.sheet] = base
        entry["version"] = entry.get("version", 0) + 1  # the controls show the new reading
        entry["result"] = recheck(entry)
        st.rerun()


def _meaning_index(reading: Reading, column: int) -> int:
    role, _ = mapping.meaning_of(reading, column)
    return mapping.MEANINGS.index(role) if role in mapping.MEANINGS else 0


def entry_vocab():
    return mapping.vocabulary(ui.cursor())


def _save_profile(entry: dict, tag: str) -> None:
    left, right = st.columns([3, 1])
    name = left.text_input(ui.tr("upload.profile_name"), value=entry["name"].rsplit(".", 1)[0][:80], key=f"pname-{tag}")
    if right.button(ui.tr("upload.profile_save"), key=f"psave-{tag}"):
        try:
            saved = writes.save_profile(ui.cursor(), ui.principal(), name, entry["result"])
        except AccessDenied as exc:
            ui.refusal(exc)
        except ValueError:
            st.error(ui.tr("profile.bad_name"))
        else:
            st.success(ui.tr("profile.saved", name=saved.name))


def change_list(entry: dict, tag: str, recheck: Callable) -> None:
    """New / replaces / unchanged / copied per commune and month, the copies to include, communes with no row."""
    result, lang = entry["result"], ui.lang()
    listed = result.change_list
    if listed is None:
        return
    st.markdown("**" + ui.tr("upload.changes_title") + "**")
    rows = [
        {
            ui.tr("col.commune"): c.name,
            ui.tr("filter.period"): fmt_period(c.period, lang),
            ui.tr("upload.col.change"): ui.tr("upload.kind." + c.kind),
            ui.tr("upload.col.met_change"): f"{'–' if c.met_stored is None else c.met_stored} → {c.met}",
        }
        for c in listed.changes
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key=f"changes-{tag}")
    copied = listed.copied()
    if copied:
        st.warning(ui.tr("upload.copied_warning", count=len(copied)))
        names = {c.unit_id: c.name for c in copied}
        include = st.multiselect(
            ui.tr("upload.copied_include"),
            list(names),
            default=[u for u in entry["include"] if u in names],
            format_func=names.get,
            key=f"include-{tag}",
        )
        if tuple(include) != tuple(entry["include"]):
            entry["include"] = tuple(include)
            entry["result"] = recheck(entry)
            st.rerun()
    by_month: dict[str, list[str]] = {}
    for a in listed.absent:
        by_month.setdefault(a.period, []).append(a.name)
    for month, names_ in by_month.items():
        st.caption(ui.tr("upload.absent", period=fmt_period(month, lang), names=", ".join(names_)))
