"""Integrity and untrusted input: reverts, names, indicator values, database faults."""

MESSAGES: dict[str, tuple[str, str]] = {
    "store.revert_not_loaded": (
        "Lần tải {upload_id} không còn dữ liệu để hoàn tác (đã hoàn tác hoặc không tồn tại). Chọn một lần tải khác trong danh sách.",
        "Upload {upload_id} has nothing left to revert (already reverted or unknown). Choose another upload from the list.",
    ),
    "store.revert_blocked": (
        "Chưa thể hoàn tác riêng lần tải {upload_id}: dữ liệu của nó đã được lần tải sau ({later}) thay thế. Hãy hoàn tác lần tải {first} trước (theo thứ tự từ mới đến cũ), rồi hoàn tác lần tải {upload_id}.",
        "Upload {upload_id} cannot be reverted alone: later uploads ({later}) replaced its rows. Revert upload {first} first (newest to oldest), then upload {upload_id}.",
    ),
    "upload.revert_blocked_list": (
        "Chưa hoàn tác được (dữ liệu đã bị lần tải sau thay thế; hoàn tác lần tải sau trước): {items}.",
        "Cannot be reverted yet (later uploads replaced their rows; revert those first): {items}.",
    ),
    "upload.revert_blocked_item": (
        "lần {upload_id} ← cần hoàn tác {later} trước",
        "{upload_id} ← revert {later} first",
    ),
    "upload.revert_none": (
        "Không có lần tải nào hoàn tác được lúc này.",
        "No upload can be reverted right now.",
    ),
}
