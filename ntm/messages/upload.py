"""The guided upload: layout profiles, the mapping step, the change list, several files, history, revert."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- profiles (ntm.ingest.profiles, importer)
    "profile.reason.communes": (
        "cột tên xã không còn khớp danh sách xã của đơn vị",
        "the commune column no longer matches the unit's communes",
    ),
    "profile.reason.band": (
        "các ô kết quả không đọc được là Đạt/Chưa đạt",
        "the result cells do not read as met / not met",
    ),
    "profile.reason.criteria": ("không còn cột tiêu chí nào", "no criterion column is left"),
    "profile.reason.empty": ("trang tính nhỏ hơn bố cục đã lưu", "the sheet is smaller than the saved layout"),
    "profile.recheck": (
        "Bố cục “{name}” không khớp trang này: {reasons}. Kiểm tra lại tệp, hoặc chọn lại dòng tiêu đề và các cột ở bước “Đọc bảng” rồi kiểm tra lại.",
        "The layout “{name}” does not fit this sheet: {reasons}. Check the file, or pick the header row and columns again in the “Reading” step and check again.",
    ),
    "profile.not_used": (
        "Bố cục đã lưu “{name}” có cùng dấu vân tay nhưng không khớp dữ liệu ({reasons}) nên không được dùng; hệ thống tự nhận dạng bảng. Nếu cách đọc sai, hãy chọn lại ở bước “Đọc bảng”.",
        "The saved layout “{name}” has the same fingerprint but does not fit the data ({reasons}), so it was not used; the table was detected instead. If the reading is wrong, pick it again in the “Reading” step.",
    ),
    "profile.no_match": (
        "Không trang nào của tệp có tiêu đề giống bố cục “{name}”. Bỏ tùy chọn --profile để hệ thống tự nhận dạng, hoặc chọn bố cục khác (python -m ntm profiles list).",
        "No sheet of the file has the headers of the layout “{name}”. Drop --profile to let the system detect the table, or pick another layout (python -m ntm profiles list).",
    ),
    "profile.not_found": (
        "Không có bố cục “{name}”. Xem danh sách bằng: python -m ntm profiles list",
        "There is no layout “{name}”. List them with: python -m ntm profiles list",
    ),
    "profile.bad_name": (
        "Tên bố cục phải có từ 1 đến 80 ký tự. Hãy đặt một tên ngắn, ví dụ “Văn Quan - biểu tháng”.",
        "A layout name has 1 to 80 characters. Give it a short name, e.g. “Văn Quan - monthly form”.",
    ),
    "profile.saved": (
        "Đã lưu bố cục “{name}”: tệp tháng sau có cùng tiêu đề sẽ được đọc như vậy (và vẫn được kiểm tra lại).",
        "Layout “{name}” saved: next month's file with the same headers is read this way (and still re-checked).",
    ),
    "profile.deleted": ("Đã xóa bố cục “{name}”.", "Layout “{name}” deleted."),
    "profile.none": (
        "Chưa có bố cục nào. Bố cục được lưu ở trang Tải dữ liệu (bước “Đọc bảng”) hoặc bằng import --profile TÊN.",
        "No layouts yet. Save one on the Upload page (the “Reading” step) or with import --profile NAME.",
    ),
    "audit.action.profile_save": ("Lưu bố cục bảng", "Layout saved"),
    "audit.action.profile_delete": ("Xóa bố cục bảng", "Layout deleted"),
    "profile.col.name": ("Tên", "Name"),
    "profile.col.unit": ("Đơn vị", "Unit"),
    "profile.col.family": ("Dạng bảng", "Layout"),
    "profile.col.created": ("Lưu lúc", "Saved"),
    "profile.col.by": ("Người lưu", "By"),
    "import.all_copied": (
        "Cả {count} báo cáo trong tệp đều giống hệt tháng trước của xã (biểu mẫu điền sẵn, chưa sửa) nên không có gì để nạp. Điền kết quả của tháng này vào biểu mẫu, hoặc chọn “Vẫn nạp” cho các xã đó.",
        "All {count} reports in the file are identical to the communes' previous month (a prefilled template, not edited), so nothing is loaded. Fill in this month's results, or choose “Load anyway” for those communes.",
    ),
}
