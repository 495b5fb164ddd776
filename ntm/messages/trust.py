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
MESSAGES.update(
    {
        "import.name_invisible": (
            "Tên “{name}” có ký tự ẩn ({chars}: khoảng trắng độ rộng 0 hoặc ký tự điều khiển hướng chữ); đã bỏ các ký tự này khi đọc. Nên xóa chúng trong tệp (gõ lại tên).",
            "The name “{name}” contains hidden characters ({chars}: zero-width or text-direction controls); they were removed when reading. Better delete them in the file (retype the name).",
        ),
        "import.name_script": (
            "Tên “{name}” có chữ cái không phải chữ Việt (Latinh) dù trông giống: {chars}. Gõ lại tên bằng bàn phím tiếng Việt (Unikey, kiểu gõ Telex hoặc VNI).",
            "The name “{name}” contains letters that look Latin but are not: {chars}. Retype the name with a Vietnamese keyboard (Unikey, Telex or VNI).",
        ),
        "import.new_unit_clash": (
            "“{name}” không có trong danh mục nhưng trùng với đơn vị đã có “{existing}” khi bỏ dấu, dấu cách và dấu câu: không tạo đơn vị mới. Sửa tên cho đúng với danh mục, hoặc ghi mã xã.",
            "“{name}” is not in the catalogue but matches the existing unit “{existing}” once accents, spaces and punctuation are ignored: no new unit is created. Correct the name to the catalogue's, or give the commune code.",
        ),
        "import.indicator_not_finite": (
            "Chỉ tiêu {indicator}: giá trị “{value}” không phải là một số hữu hạn. Ghi số liệu thực tế (ví dụ 85,5).",
            "Indicator {indicator}: “{value}” is not a finite number. Enter the actual figure (for example 85.5).",
        ),
        "import.indicator_negative": (
            "Chỉ tiêu {indicator}: giá trị “{value}” là số âm, chỉ tiêu này không thể âm. Sửa lại số liệu.",
            "Indicator {indicator}: “{value}” is negative, which this indicator cannot be. Correct the figure.",
        ),
        "import.indicator_share_range": (
            "Chỉ tiêu {indicator} là tỷ lệ (0-100 %) nhưng ô ghi “{value}”. Ghi tỷ lệ phần trăm, ví dụ 85,5.",
            "Indicator {indicator} is a share (0-100 %) but the cell holds “{value}”. Enter a percentage, for example 85.5.",
        ),
    }
)
MESSAGES.update(
    {
        "store.disk_full": (
            "Ổ đĩa chứa cơ sở dữ liệu ({path}) đã đầy nên không ghi được; không có dữ liệu nào bị thay đổi. Giải phóng dung lượng ổ đĩa (xóa hoặc chuyển các tệp cũ, bản sao lưu cũ) rồi thực hiện lại.",
            "The disk holding the database ({path}) is full, so nothing could be written; no data was changed. Free some disk space (delete or move old files and old backups) and try again.",
        ),
        "store.corrupt": (
            "Tệp cơ sở dữ liệu {path} bị hỏng hoặc không phải cơ sở dữ liệu của NTM Dashboard, nên không đọc được. Khôi phục bản sao lưu gần nhất vào đường dẫn này (hoặc đổi tên tệp hỏng để ứng dụng tạo cơ sở dữ liệu mới) rồi khởi động lại.",
            "The database file {path} is damaged or not an NTM Dashboard database, so it cannot be read. Restore the latest backup to this path (or rename the damaged file so that a new database is created) and start again.",
        ),
        "store.busy": (
            "Cơ sở dữ liệu {path} đang bận: một tiến trình khác đang mở tệp hoặc đang ghi cùng dữ liệu. Đợi một lát rồi thực hiện lại; nếu vẫn bận, đóng ứng dụng hoặc lệnh khác đang dùng tệp này.",
            "The database {path} is busy: another process has the file open or is writing the same data. Wait a moment and try again; if it stays busy, stop the other app or command using this file.",
        ),
        "store.failed": (
            "Không đọc hoặc ghi được cơ sở dữ liệu {path}; không có dữ liệu nào bị thay đổi. Thực hiện lại; nếu lỗi lặp lại, gửi cho quản trị viên thông báo này: {detail}",
            "The database {path} could not be read or written; no data was changed. Try again; if it happens again, send the administrator this message: {detail}",
        ),
    }
)
