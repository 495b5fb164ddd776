"""History across mergers and criteria-set changes: views, rules, groupings, set names, mergers."""

MESSAGES: dict[str, tuple[str, str]] = {
    "lineage.not_communes": (
        "Chỉ ghi được sáp nhập giữa hai xã: “{old}” → “{new}”. Chọn hai đơn vị cấp xã.",
        "A merger links two communes: “{old}” → “{new}”. Choose two communes.",
    ),
    "lineage.same_unit": (
        "“{name}” không thể sáp nhập vào chính nó. Chọn xã nhận.",
        "“{name}” cannot merge into itself. Choose the receiving commune.",
    ),
    "lineage.new_not_valid": (
        "Xã “{new}” chưa (hoặc không còn) tồn tại ngày {date}. Kiểm tra ngày sáp nhập.",
        "“{new}” did not exist on {date}. Check the merger date.",
    ),
    "lineage.cycle": (
        "“{new}” là xã cũ của “{old}”, không thể là xã nhận. Kiểm tra chiều sáp nhập.",
        "“{new}” is a predecessor of “{old}”, so it cannot receive it. Check the direction of the merger.",
    ),
    "groups.no_name": (
        "Nhóm cần có tên. Đặt tên, ví dụ “Cụm xã biên giới”.",
        "A grouping needs a name, e.g. “Border cluster”.",
    ),
    "groups.bad_kind": (
        "Loại nhóm “{kind}” không có. Chọn một trong: {kinds}.",
        "No grouping kind “{kind}”. Choose one of: {kinds}.",
    ),
    "groups.not_commune": (
        "“{name}” không phải là xã. Nhóm chỉ gồm các xã hiện nay.",
        "“{name}” is not a commune. A grouping holds today's communes.",
    ),
    "groups.no_members": (
        "Nhóm chưa có xã nào. Liệt kê các xã, cách nhau bằng dấu phẩy.",
        "The grouping has no communes. List them, separated by commas.",
    ),
    "groups.saved": ("Đã lưu nhóm “{name}” ({count} xã).", "Saved grouping “{name}” ({count} communes)."),
    "groups.removed": ("Đã xóa nhóm “{name}”.", "Removed grouping “{name}”."),
    "groups.not_found": (
        "Không có nhóm “{name}”. Xem danh sách: python -m ntm groups list.",
        "No grouping “{name}”. See: python -m ntm groups list.",
    ),
    "groups.none": (
        "Chưa có nhóm nào. Tạo bằng: python -m ntm groups set --province … --name … --communes …",
        "No groupings yet. Create one: python -m ntm groups set --province … --name … --communes …",
    ),
    "groups.kind.former_district": ("Huyện cũ", "Former district"),
    "groups.kind.cluster": ("Cụm xã", "Cluster"),
    "groups.kind.working_group": ("Tổ công tác", "Working group"),
    "merger.saved": ("Đã ghi: {old} sáp nhập vào {new} từ {date}.", "Recorded: {old} merged into {new} from {date}."),
    "populations.saved": ("Đã ghi dân số của {count} xã.", "Saved the population of {count} communes."),
    "commune_groups.saved": (
        "Đã ghi nhóm xã (1/2/3) của {count} xã cho {set_name}.",
        "Saved the commune group (1/2/3) of {count} communes for the {set_name}.",
    ),
    "history.bad_row": ("Dòng {row}: {problem}", "Row {row}: {problem}"),
    "history.bad_number": (
        "“{value}” không phải là số. Ghi số nguyên dương.",
        "“{value}” is not a number. Write a positive whole number.",
    ),
    "history.bad_group": (
        "Nhóm xã “{value}” không hợp lệ. Ghi 1, 2 hoặc 3.",
        "Commune group “{value}” is not valid. Write 1, 2 or 3.",
    ),
    "history.missing_columns": (
        "Tệp thiếu cột {columns}. Thêm cột rồi tải lại.",
        "The file lacks the columns {columns}. Add them and try again.",
    ),
    "mapping.unknown_criterion": (
        "Bộ “{set_id}” không có tiêu chí “{criterion}”. Sửa mã bộ hoặc số tiêu chí.",
        "Set “{set_id}” has no criterion “{criterion}”. Fix the set id or criterion number.",
    ),
    "mapping.bad_flag": (
        "“{value}” không phải có/không. Ghi yes hoặc no.",
        "“{value}” is not yes/no. Write yes or no.",
    ),
    "mapping.pairs": ("{count} tiêu chí tương đương ({numbers})", "{count} comparable criteria ({numbers})"),
    "mapping.saved": ("Đã ghi {count} dòng đối chiếu tiêu chí.", "Saved {count} mapping rows."),
}
