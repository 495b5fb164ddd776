"""The Compare communes page."""

MESSAGES: dict[str, tuple[str, str]] = {
    "compare.title": ("So sánh các xã – {unit} – {period}", "Compare communes – {unit} – {period}"),
    "compare.sort": ("Sắp xếp theo", "Sort by"),
    "compare.sort.met": ("Số tiêu chí đạt", "Criteria met"),
    "compare.sort.name": ("Tên xã", "Commune name"),
    "compare.many": (
        "{count} xã: chọn một huyện ở thanh bên trái để xem gọn hơn.",
        "{count} {count|commune|communes}: pick a district in the sidebar for a closer view.",
    ),
    "compare.heatmap_title": (
        "Tình trạng từng tiêu chí của các xã – {unit} – {period}",
        "Status of each criterion by commune – {unit} – {period}",
    ),
    "compare.bar_title": (
        "Số tiêu chí đạt của từng xã – {unit} – {period}",
        "Criteria met by commune – {unit} – {period}",
    ),
    "compare.change_title": ("Thay đổi so với kỳ trước", "Change since an earlier period"),
    "compare.since": ("So với kỳ", "Compared with"),
    "compare.no_earlier": (
        "Không có kỳ nào trước kỳ này để so sánh. Chọn kỳ báo cáo muộn hơn ở thanh bên trái.",
        "There is no earlier period to compare with. Choose a later period in the sidebar.",
    ),
    "compare.no_before": (
        "Kỳ {period} không có báo cáo theo {set_id}, nên không so sánh được. Chọn kỳ khác cùng bộ tiêu chí.",
        "No reports under the {set_id} in {period}, so no comparison. Choose another period under the same set.",
    ),
    "compare.met_before": ("Số tiêu chí đạt kỳ trước", "Criteria met before"),
    "compare.gained": ("Tiêu chí mới đạt", "Newly met"),
    "compare.lost": ("Tiêu chí bị mất", "Newly lost"),
}
