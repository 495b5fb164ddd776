"""Tải dữ liệu: template download, validation report, preview, confirm, upload history with revert."""

import pandas as pd
import streamlit as st

import navigation
import ui
from ntm import access, plain, reference, store, upload_log, upload_words, writes
from ntm.i18n import fmt_period
from ntm.ingest import template

cur, lang = ui.cursor(), ui.lang()
f = ui.filters()
who = ui.principal()
st.title(ui.tr("upload.title"))

if store.uploads(cur, limit=1).empty:  # a new database: how to begin
    with st.container(border=True):
        st.markdown("**" + ui.tr("upload.guide_title") + "**")
        st.markdown(ui.tr("upload.guide"))

st.subheader(ui.tr("upload.template_title"))
if f is not None and f.national:
    ui.empty("national.template_pick_province")
elif f is not None and not f.period.is_year:
    data = template.build(cur, f.scope, f.period, f.set_id, prefill=True)
    st.download_button(
        ui.tr("upload.template_button", unit=f.scope.name, period=fmt_period(f.period.text, lang)),
        data,
        file_name=f"bieu-mau-{f.scope.code}-{f.period.text}.xlsx",
        key="dl-template",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
else:
    ui.empty("upload.template_pick_month")

st.subheader(ui.tr("upload.file_title"))
if not access.allowed(who, "upload"):
    ui.empty("signin.read_only")  # hidden for a viewer, and refused in ntm.writes anyway
layer = st.selectbox(
    ui.tr("upload.layer"),
    store.LAYERS,
    key="upload_layer",
    help=ui.tr("upload.layer_help"),
    format_func=lambda code: ui.tr("layer." + code),
)
files = st.file_uploader(
    ui.tr("upload.file_label"),
    disabled=not access.allowed(who, "upload"),
    type=["xlsx", "xlsm", "xls", "ods"],
    accept_multiple_files=True,
    key="upload_files",
    help=ui.tr("upload.file_help"),
)
pending = st.session_state.setdefault("_upload_checks", {})
for file in files or []:
    if (file.file_id, layer) not in pending:  # every click reruns the page: check each upload once per layer
        result = writes.import_upload(
            cur, who, file.getvalue(), file.name, dry_run=True, layer=layer, default_unit=reference.province(cur)
        )
        pending[(file.file_id, layer)] = (file.name, file.getvalue(), result)

for (file_id, file_layer), (name, raw, result) in list(pending.items()):
    with st.container(border=True):
        st.markdown(f"**{plain.markdown(name)}** · {ui.tr('layer.' + file_layer)}")
        if result.status == "rejected" and result.errors[0].key.startswith("access."):  # refused for this account
            ui.refusal(result.errors[0])
        elif result.status == "rejected":
            st.error(ui.tr("upload.rejected", count=len(result.errors)))
            navigation.table(
                pd.DataFrame(
                    [
                        {
                            ui.tr("upload.where"): f"{p.sheet or ''} {p.column or ''}{p.row or ''}".strip(),
                            ui.tr("upload.message"): p.message(lang),
                        }
                        for p in result.errors
                    ]
                ),
                hide_index=True,
                width="stretch",
            )
        elif result.status == "dry-run":
            st.success(ui.tr("upload.valid", rows=result.rows, communes=result.communes))
            preview = pd.DataFrame(result.changes)
            if len(preview):
                navigation.table(
                    preview[["name", "period", "met_before", "met", "newly_met", "newly_lost"]].rename(
                        columns={
                            "name": ui.tr("col.commune"),
                            "period": ui.tr("filter.period"),
                            "met_before": ui.tr("compare.met_before"),
                            "met": ui.tr("col.met"),
                            "newly_met": ui.tr("compare.gained"),
                            "newly_lost": ui.tr("compare.lost"),
                        }
                    ),
                    hide_index=True,
                    width="stretch",
                )
            if result.missing:
                st.warning(ui.md("upload.missing", names=", ".join(m["name"] for m in result.missing)))
            if st.button(ui.tr("upload.confirm"), key=f"confirm-{file_id}-{file_layer}", type="primary"):
                loaded = writes.import_upload(
                    cur, who, raw, name, layer=file_layer, default_unit=reference.province(cur)
                )
                pending[(file_id, file_layer)] = (name, raw, loaded)
                st.rerun()
        else:
            st.success(ui.tr("upload.loaded", rows=result.rows, communes=result.communes, upload_id=result.upload_id))
        for p in result.warnings:
            st.warning(plain.markdown(p.located(lang)))

st.subheader(ui.tr("upload.history_title"))
log = pd.DataFrame(
    [u.__dict__ for u in upload_log.uploads(cur, who, None, limit=50)],
    columns=["upload_id", "uploaded_at", "uploaded_by", "file_name", "source", "rows", "communes", "status"],
)  # only uploads touching the account's scope
if log.empty:
    ui.empty("upload.no_history")
else:
    navigation.table(
        upload_words.labelled(
            log[["upload_id", "uploaded_at", "file_name", "source", "rows", "communes", "status"]], lang
        ).rename(
            columns={
                "upload_id": "ID",
                "uploaded_at": ui.tr("profile.uploaded_at"),
                "uploaded_by": ui.tr("uploads.col.by"),
                "file_name": ui.tr("profile.file"),
                "source": ui.tr("profile.source"),
                "rows": ui.tr("upload.rows"),
                "communes": ui.tr("upload.communes"),
                "status": ui.tr("profile.upload_status"),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    revertible = (log["status"] == "loaded") & ~log["source"].astype(str).str.startswith("villages")  # lists stay
    loaded_ids = [int(u) for u in log.loc[revertible, "upload_id"]]
    blocked = store.revert_blockers(cur)  # replaced later: offered once the later uploads are reverted
    if waiting := [u for u in loaded_ids if u in blocked]:
        items = (
            ui.tr("upload.revert_blocked_item", upload_id=u, later=", ".join(map(str, blocked[u]))) for u in waiting
        )
        st.caption(ui.tr("upload.revert_blocked_list", items="; ".join(items)))
    revertable = [u for u in loaded_ids if u not in blocked]
    left, right = st.columns([3, 1])
    target = left.selectbox(ui.tr("upload.revert_pick"), revertable, key="revert_id")
    if not revertable:
        left.caption(ui.tr("upload.revert_none"))
    if right.button(ui.tr("upload.revert"), key="revert", disabled=not access.allowed(who, "revert") or target is None):
        try:
            removed = writes.revert_upload(cur, who, int(target))
        except (writes.RevertRefused, access.AccessDenied) as exc:
            ui.refusal(exc)
        else:
            st.toast(ui.tr("upload.reverted", upload_id=target, rows=removed))
            st.rerun()
