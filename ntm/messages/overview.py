"""The Overview page."""

MESSAGES: dict[str, tuple[str, str]] = {
    "overview.title": ("Tổng quan – {unit} – {period}", "Overview – {unit} – {period}"),
    "overview.kpi_communes": ("Số xã có báo cáo", "Communes reporting"),
    "overview.kpi_communes_help": (
        "{missing} xã chưa gửi báo cáo trong kỳ.",
        "{missing} {missing|commune|communes} sent no report for the period.",
    ),
    "overview.kpi_standard": ("Xã đạt {n}/{n} tiêu chí", "Communes at {n}/{n}"),
    "overview.kpi_average": ("Bình quân tiêu chí/xã", "Avg. criteria/commune"),
    "overview.kpi_total": ("Tổng số tiêu chí đạt", "Criteria met in total"),
    "overview.kpi_delta_help": (
        "Thay đổi so với cùng kỳ năm trước ({period}).",
        "Change against the same period last year ({period}).",
    ),
    "overview.kpi_no_previous": (
        "Cùng kỳ năm trước không có báo cáo theo {set_id} nên không so sánh được.",
        "No reports under the {set_id} a year earlier, so no comparison.",
    ),
    "overview.missing": (
        "{count} xã chưa gửi báo cáo trong kỳ: {names}. Nhắc các xã gửi báo cáo hoặc tải lên ở trang “Tải dữ liệu”.",
        "{count} {count|commune|communes} sent no report for the period: {names}. Remind them, or upload their reports on the “Upload” page.",
    ),
    "overview.set_break": (
        "Năm 2022 chuyển sang bộ tiêu chí 2021-2025 (chặt hơn) nên bình quân giảm: hai đường không nối với nhau vì không so sánh trực tiếp được.",
        "In 2022 the stricter 2021-2025 criteria set took over, so averages fell: the two lines are kept apart because they do not compare directly.",
    ),
    "overview.dist_title": (
        "Số xã theo số tiêu chí đạt – {unit} – {period}",
        "Communes by criteria met – {unit} – {period}",
    ),
    "overview.standard_list": (
        "Số xã đạt {n} tiêu chí: **{count} xã** ({names}).",
        "Communes meeting all {n} {n|criterion|criteria}: **{count}** ({names}).",
    ),
    "overview.rank": (
        "Huyện {district} đứng thứ {rank}/{of} huyện trong tỉnh",
        "{district} ranks {rank} of {of} districts in the province",
    ),
    "overview.ranking_title": (
        "Xếp hạng huyện theo bình quân tiêu chí/xã – {province} – {period}",
        "Districts ranked by average criteria per commune – {province} – {period}",
    ),
    "overview.table_title": ("Kết quả từng xã", "Results by commune"),
    "overview.kpi_recognised.ntm": ("Xã được công nhận đạt chuẩn NTM", "Communes recognised at NTM standard"),
    "overview.kpi_recognised.nang_cao": ("Xã được công nhận NTM nâng cao", "Communes recognised as advanced NTM"),
    "overview.kpi_recognised.kieu_mau": ("Xã được công nhận NTM kiểu mẫu", "Communes recognised as model NTM"),
    "overview.kpi_recognised_help": (
        "Theo quyết định công nhận đến hết kỳ; xã kiểu mẫu được tính cả ở mức nâng cao và đạt chuẩn. Công nhận không tự chuyển sang xã mới sau sáp nhập.",
        "By recognition decisions up to the end of the period; a model commune also counts as advanced and at standard. Recognition does not pass to a merged commune.",
    ),
    "overview.recognised_note": (
        "Các thẻ “được công nhận” đếm theo quyết định công nhận.",
        "The “recognised” cards count recognition decisions.",
    ),
    "overview.regressions": (
        "{count} xã bị mất tiêu chí đã đạt so với báo cáo trước: {names}. Xem chi tiết ở trang Mục tiêu.",
        "{count} {count|commune|communes} lost criteria since their previous report: {names}. See the Targets page.",
    ),
    "overview.regressions_link": ("Xem tiêu chí bị mất", "See the criteria lost"),
}
