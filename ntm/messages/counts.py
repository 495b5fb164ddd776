"""Everything the reports count beyond the commune criteria: villages, advanced and model levels,
rankings, resources, works and activities (issue 16)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # village list
    "village_list.no_table": (
        "Không tìm thấy bảng danh sách thôn: cần một dòng tiêu đề có cột “Tên thôn, bản” và cột “Xã”. Dùng mẫu tải ở trang “Thôn, bản”.",
        "No village table found: a header row needs a “Tên thôn, bản” (village) column and a “Xã” (commune) column. Use the template from the “Villages” page.",
    ),
    "village_list.empty": (
        "Bảng danh sách thôn không có dòng nào. Điền tên thôn và xã rồi tải lên lại.",
        "The village table has no rows. Fill in village and commune names and upload again.",
    ),
    "village_list.no_name": (
        "Thiếu tên thôn. Điền tên thôn, bản hoặc xóa dòng này.",
        "The village name is missing. Fill it in or delete the row.",
    ),
    "village_list.no_commune": (
        "Thôn “{name}” chưa ghi xã. Điền tên xã mà thôn thuộc về.",
        "Village “{name}” has no commune. Fill in the commune it belongs to.",
    ),
    "village_list.too_long": (
        "Tên thôn dài quá {limit} ký tự. Kiểm tra lại ô này (có thể đã dán nhầm cả đoạn văn bản).",
        "The village name is longer than {limit} characters. Check the cell (a whole paragraph may have been pasted).",
    ),
    "village_list.district": ("Không xác định được huyện: {detail}", "The district is not recognised: {detail}"),
    "village_list.commune": (
        "Không xác định được xã: {detail} Sửa tên xã cho đúng danh mục hoặc ghi mã xã.",
        "The commune is not recognised: {detail} Correct the commune name or write its code.",
    ),
    "village_list.commune_again": (
        "Xã “{name}” không xác định được (xem lỗi ở dòng trên cùng tên xã).",
        "Commune “{name}” is not recognised (see the error on the first row with this commune).",
    ),
    "village_list.bad_kind": (
        "Loại “{value}” không hợp lệ. Ghi một trong: {kinds}.",
        "Kind “{value}” is not valid. Write one of: {kinds}.",
    ),
    "village_list.duplicate": (
        "Thôn “{name}” của xã {commune} đã có ở dòng {first}. Xóa dòng lặp lại.",
        "Village “{name}” of {commune} is already on row {first}. Delete the repeated row.",
    ),
    "village_list.duplicate_code": (
        "Mã thôn {code} đã dùng ở dòng {first}. Mỗi thôn một mã riêng.",
        "Village code {code} is already used on row {first}. Each village needs its own code.",
    ),
    "village_list.exists": (
        "Xã {commune} đã có thôn “{name}”. Kiểm tra danh sách bên dưới trước khi thêm.",
        "{commune} already has a village “{name}”. Check the list below before adding.",
    ),
    "village_list.code_exists": (
        "Mã thôn {code} đã có. Dùng mã khác hoặc để trống.",
        "Village code {code} already exists. Use another code or leave it blank.",
    ),
    # village rows in an assessment upload
    "village.none_listed": (
        "{unit} chưa có danh sách thôn, bản. Tải danh sách thôn ở trang “Thôn, bản” trước khi tải kết quả đánh giá thôn.",
        "{unit} has no village list yet. Upload the village list on the “Villages” page before village results.",
    ),
    "village.unknown": (
        "Không có thôn “{name}” trong danh sách thôn của {unit}. Sửa tên cho đúng danh sách hoặc bổ sung thôn ở trang “Thôn, bản”.",
        "There is no village “{name}” in the village list of {unit}. Correct the name or add the village on the “Villages” page.",
    ),
    "village.unknown_code": (
        "Không có thôn mã {code} trong {unit}. Kiểm tra mã hoặc ghi tên thôn.",
        "No village with code {code} in {unit}. Check the code or write the village name.",
    ),
    "village.ambiguous": (
        "Tên thôn “{name}” trùng ở nhiều nơi: {candidates}. Ghi dòng “Xã …” phía trên các thôn của từng xã, hoặc ghi mã thôn.",
        "Village name “{name}” matches several villages: {candidates}. Put a “Xã …” row above each commune's villages, or write village codes.",
    ),
}
