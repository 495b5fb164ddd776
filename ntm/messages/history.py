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
    "groups.saved": (
        "Đã lưu nhóm “{name}” ({count} xã).",
        "Saved grouping “{name}” ({count} {count|commune|communes}).",
    ),
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
    "populations.saved": ("Đã ghi dân số của {count} xã.", "Saved the population of {count} {count|commune|communes}."),
    "commune_groups.saved": (
        "Đã ghi nhóm xã (1/2/3) của {count} xã cho {set_name}.",
        "Saved the commune group (1/2/3) of {count} {count|commune|communes} for the {set_name}.",
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
    "mapping.pairs": (
        "{count} tiêu chí tương đương ({numbers})",
        "{count} comparable {count|criterion|criteria} ({numbers})",
    ),
    "mapping.saved": ("Đã ghi {count} dòng đối chiếu tiêu chí.", "Saved {count} mapping {count|row|rows}."),
    "view.label": ("Cách xem", "View"),
    "view.then": ("Theo đơn vị lúc đó", "As units were then"),
    "view.today": ("Theo xã hiện nay", "On today's communes"),
    "view.help": (
        "Theo đơn vị lúc đó: xã, huyện như trong kỳ báo cáo. Theo xã hiện nay: số liệu các kỳ trước sáp nhập được gộp về các xã hiện nay.",
        "As units were then: communes and districts as in the period. On today's communes: periods before a merger re-aggregated onto today's communes.",
    ),
    "view.caption_set": ("{set_name}", "{set_name}"),
    "view.caption.then": ("theo đơn vị lúc đó", "as units were then"),
    "view.caption.today": ("theo xã hiện nay", "on today's communes"),
    "rule.label": ("Quy tắc gộp xã cũ", "Merger rule"),
    "rule.strict": ("Chặt (mọi xã cũ đều đạt)", "Strict (every predecessor met it)"),
    "rule.weighted": ("Theo dân số", "By population"),
    "rule.help": (
        "Trước sáp nhập, xã hiện nay đạt một tiêu chí khi: (chặt) mọi xã cũ có báo cáo đều đạt; (theo dân số) các xã cũ đạt chiếm ít nhất 50% dân số. Dân số do tỉnh nhập: python -m ntm populations import.",
        "Before a merger, today's commune meets a criterion when (strict) every predecessor that reported met it, or (by population) those that met it hold at least 50% of the population. Populations are entered by the province: python -m ntm populations import.",
    ),
    "rule.note.strict": (
        "quy tắc chặt: trước sáp nhập, xã hiện nay đạt một tiêu chí chỉ khi mọi xã cũ có báo cáo đều đạt",
        "strict rule: before a merger, today's commune meets a criterion only if every predecessor that reported met it",
    ),
    "rule.note.weighted": (
        "theo dân số: trước sáp nhập, xã hiện nay đạt một tiêu chí khi các xã cũ đạt chiếm ít nhất 50% dân số (xã cũ thiếu dân số: tính theo quy tắc chặt)",
        "by population: before a merger, today's commune meets a criterion when predecessors meeting it hold at least 50% of the population (missing populations: strict rule)",
    ),
    "groups.option": ("{kind}: {name}", "{kind}: {name}"),
    "groups.caption": ("{kind} {name}", "{kind} {name}"),
    "filter.grouping_help": (
        "Từ 1/7/2025 không còn cấp huyện: chọn huyện cũ (các xã hiện nay trên địa bàn huyện) hoặc nhóm xã của tỉnh.",
        "From 1/7/2025 districts are gone: choose a former district (today's communes on its territory) or a grouping of the province's own.",
    ),
    "set.break_marker": ("Đổi bộ tiêu chí", "Criteria set changes"),
    "set.break_note": (
        "Năm {year} đổi từ {before} sang {after}: hai bộ khác nhau, đường xu hướng không nối liền.",
        "In {year} the {before} gave way to the {after}: the trend is not joined across the change.",
    ),
    "set.break_pairs": (
        "So sánh giữa hai bộ chỉ dùng {count} tiêu chí tương đương ({numbers}) theo bảng đối chiếu.",
        "Comparisons across the two use only the {count} comparable {count|criterion|criteria} ({numbers}) of the mapping table.",
    ),
    "set.break_no_pairs": (
        "Bảng đối chiếu không có tiêu chí tương đương giữa hai bộ, nên không so sánh số tiêu chí; quản trị viên có thể nạp thêm bảng đối chiếu (xem hướng dẫn trong README).",
        "The mapping table has no comparable criteria between the two sets, so criteria counts are not compared; an administrator can load more pairs (see the README).",
    ),
    "delta.crosses": (
        "So với {period} ({before}): qua đổi bộ tiêu chí, so trên {count} tiêu chí tương đương: {avg_before} → {avg_after} tiêu chí/xã.",
        "Against {period} ({before}): across a set change, on {count} comparable {count|criterion|criteria}: {avg_before} → {avg_after} per commune.",
    ),
    "delta.same_unit": (
        "So với {period}: {unit} là cùng một đơn vị trước và sau sáp nhập ({before} xã khi đó, {after} xã nay).",
        "Against {period}: {unit} is the same unit before and after the merger ({before} {before|commune|communes} then, {after} now).",
    ),
    "delta.none": (
        "Không có số liệu {period} theo bộ tiêu chí so sánh được với {set_name}, nên không tính thay đổi.",
        "No {period} figures under a set comparable with the {set_name}, so no change is shown.",
    ),
    "recognition.before_merger": (
        "Trước sáp nhập ({date}): {ntm} xã đạt chuẩn NTM, {nang_cao} nâng cao, {kieu_mau} kiểu mẫu. Công nhận không tự chuyển sang xã mới: xã sau sáp nhập chưa được công nhận cho đến khi có quyết định mới.",
        "Before the merger ({date}): {ntm} {ntm|commune|communes} at NTM standard, {nang_cao} advanced, {kieu_mau} model. Recognition does not carry over: a merged commune is unrecognised until a new decision.",
    ),
    "profile.predecessors": (
        "{name} hình thành từ {count} xã cũ: {names}. Biểu đồ gồm cả báo cáo của các xã cũ trước sáp nhập (theo quy tắc đã chọn).",
        "{name} was formed from {count} former {count|commune|communes}: {names}. The chart includes their reports before the merger (under the chosen rule).",
    ),
    "profile.predecessor_decision": (
        "{commune}: {level} (QĐ {decision}, {date}) — không chuyển sang xã mới; cần quyết định công nhận mới.",
        "{commune}: {level} (decision {decision}, {date}) — not carried over; a new decision is needed.",
    ),
    "profile.successor": ("{name} đã sáp nhập vào: {names}.", "{name} merged into: {names}."),
    "compare.many_groups": (
        "{count} xã: chọn một huyện cũ hoặc nhóm xã ở thanh bên trái để xem gọn hơn.",
        "{count} {count|commune|communes}: pick a former district or a grouping in the sidebar for a closer view.",
    ),
    "compare.crosses": (
        "Qua đổi bộ tiêu chí ({before} → {after}): chỉ so {count} tiêu chí tương đương; số tiêu chí đạt tính trên các tiêu chí đó.",
        "Across a set change ({before} → {after}): only {count} comparable {count|criterion|criteria} are compared; criteria met count those.",
    ),
    "compare.across_merger": (
        "Kỳ {period} trước sáp nhập: mỗi xã hiện nay được so với các xã cũ của nó (theo quy tắc chặt nếu chưa chọn khác).",
        "{period} is before the merger: each commune of today is compared with its predecessors (strict rule unless chosen otherwise).",
    ),
    "compare.option_crosses": ("{period} ({set_name})", "{period} ({set_name})"),
    "criteria.no_indicators": (
        "{set_name} chưa có danh mục chỉ tiêu trong danh mục quốc gia của ứng dụng; ứng dụng không tự đặt ra. Tỉnh tải lên danh mục chỉ tiêu bằng: python -m ntm catalog import TỆP.xlsx (cột như ntm/data/criteria.csv).",
        "The {set_name} has no indicator table in the app's national catalogue; the app does not invent one. The province loads its indicators with: python -m ntm catalog import FILE.xlsx (columns as ntm/data/criteria.csv).",
    ),
    "col.former_district": ("Huyện cũ", "Former district"),
    "filter.district_or_group": ("Huyện / nhóm xã", "District / grouping"),
}
