"""Tải dữ liệu: template download, validation report, preview, confirm, upload history with revert."""

import pandas as pd
import streamlit as st

import navigation
import ui
import ui_upload
from ntm import access, loads, plain, reference, store, upload_log, upload_review, upload_words, writes
from ntm.data_version import data_version
from ntm.i18n import fmt_period
from ntm.ingest import template

cur, lang = ui.cursor(), ui.lang()
version = data_version(cur)  # the log's queries cached per data version: every upload and revert changes it
f = ui.filters()
who = ui.principal()
st.title(ui.tr("upload.title"))

if ui.query(loads.uploads, cur, version, 1).empty:  # a new database: how to begin
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
province = reference.province(cur)


def check(entry: dict, dry_run: bool = True):
    """The file checked (or, confirmed, loaded) with what the user settled: readings, copies to include, new units."""
    return writes.import_upload(
        cur,
        who,
        entry["raw"],
        entry["name"],
        dry_run=dry_run,
        layer=entry["layer"],
        default_unit=province,
        readings=entry["readings"] or None,
        include_copied=entry["include"],
        accept_new_units=entry["accept_new"],
    )


for file in files or []:
    if (file.file_id, layer) not in pending:  # every click reruns the page: check each upload once per layer
        entry = {"name": file.name, "raw": file.getvalue(), "layer": layer, "readings": {}, "include": ()}
        entry["accept_new"] = False
        entry["result"] = check(entry)
        pending[(file.file_id, layer)] = entry

for key, entry in list(pending.items()):
    result, tag = entry["result"], f"{key[0]}-{key[1]}"
    with st.container(border=True):
        st.markdown(f"**{plain.markdown(entry['name'])}** · {ui.tr('layer.' + entry['layer'])}")
        if result.status == "rejected" and result.errors and result.errors[0].key.startswith("access."):
            ui.refusal(result.errors[0])
            continue
        if result.status == "loaded":
            st.success(ui.tr("upload.loaded", rows=result.rows, communes=result.communes, upload_id=result.upload_id))
            continue
        if result.profile:
            st.info(ui.tr("upload.profile_used", name=result.profile))
        if result.status == "rejected":
            st.error(ui.tr("upload.rejected", count=len(result.errors)))
            st.dataframe(ui_upload.problems(result.errors, lang), hide_index=True, width="stretch")
            if any(p.key == "import.unknown_commune" for p in result.errors) or entry["accept_new"]:
                accept = st.checkbox(
                    ui.tr("upload.accept_new"),
                    entry["accept_new"],
                    key=f"new-{tag}",
                    help=ui.tr("upload.accept_new_help"),
                )
                if accept != entry["accept_new"]:
                    entry["accept_new"] = accept
                    entry["result"] = check(entry)
                    st.rerun()
        ui_upload.mapping_step(entry, tag, check)
        if result.status == "dry-run":
            st.success(ui.tr("upload.valid", rows=result.rows, communes=result.communes))
            ui_upload.change_list(entry, tag, check)
        for p in result.warnings:
            st.warning(plain.markdown(p.located(lang)))

ready = [k for k, e in pending.items() if e["result"].status == "dry-run"]
if ready:
    waiting = sum(e["result"].status == "rejected" for e in pending.values())
    if waiting:
        st.caption(ui.tr("upload.confirm_skipped", count=waiting))
    label = ui.tr("upload.confirm") if len(ready) == 1 else ui.tr("upload.confirm_all", count=len(ready))
    if st.button(label, key="confirm-all", type="primary"):
        for k in ready:  # one upload per file
            pending[k]["result"] = check(pending[k], dry_run=False)
        st.rerun()

st.subheader(ui.tr("upload.history_title"))
log = pd.DataFrame(
    [u.__dict__ for u in ui.query(upload_log.uploads, cur, version, who, None, 50)],  # 1,9 s at national scale
    columns=["upload_id", "uploaded_at", "uploaded_by", "file_name", "source", "rows", "communes", "status"],
)  # only uploads touching the account's scope
if log.empty:
    ui.empty("upload.no_history")
else:
    found = ui.query(upload_review.periods_of, cur, version, [int(u) for u in log["upload_id"]], lang)
    log["periods"] = log["upload_id"].map(found)
    navigation.table(
        upload_words.labelled(
            log[["upload_id", "file_name", "uploaded_by", "uploaded_at", "periods", "rows", "communes", "status"]], lang
        ).rename(
            columns={
                "upload_id": "ID",
                "uploaded_at": ui.tr("profile.uploaded_at"),
                "uploaded_by": ui.tr("uploads.col.by"),
                "file_name": ui.tr("profile.file"),
                "periods": ui.tr("upload.col.periods"),
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
    blocked = loads.revert_blockers(cur)  # replaced later: offered once the later uploads are reverted
    if waiting := [u for u in loaded_ids if u in blocked]:
        items = (
            ui.tr("upload.revert_blocked_item", upload_id=u, later=", ".join(map(str, blocked[u]))) for u in waiting
        )
        st.caption(ui.tr("upload.revert_blocked_list", items="; ".join(items)))
    revertable = [u for u in loaded_ids if u not in blocked]
    if done := st.session_state.pop("_reverted", None):  # the last revert, said once where it was asked for
        st.success(done, icon=":material/undo:")
    target = st.selectbox(
        ui.tr("upload.revert_pick"),
        revertable,
        index=None,  # never preselected: the user picks what to remove
        placeholder=ui.tr("upload.revert_placeholder"),
        key="revert_id",
    )
    if not revertable:
        st.caption(ui.tr("upload.revert_none"))
    if target is not None:
        gone = upload_review.revert_preview(cur, int(target), lang)
        st.warning(
            ui.tr(
                "upload.revert_confirm_text",
                upload_id=gone.upload_id,
                file=gone.file_name,
                rows=gone.rows,
                communes=gone.communes,
                periods=gone.periods,
            )
        )
    if st.button(
        ui.tr("upload.revert_confirm"),
        key="revert",
        type="primary",
        disabled=not access.allowed(who, "revert") or target is None,
    ):
        try:
            removed = writes.revert_upload(cur, who, int(target))
        except (writes.RevertRefused, access.AccessDenied) as exc:
            ui.refusal(exc)
        else:
            for k in [k for k, e in pending.items() if e["result"].status == "loaded"]:
                del pending[k]  # the "Đã nạp" cards describe data that is no longer there
            st.session_state.pop("revert_id", None)
            st.session_state["_reverted"] = ui.tr("upload.reverted", upload_id=target, rows=removed)
            st.rerun()
