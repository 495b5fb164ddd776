"""Layout: the figures a phone shows first, tables split or labelled short so that they fit 1440 px."""

MESSAGES: dict[str, tuple[str, str]] = {
    "phone.kpi_average": ("Bình quân tiêu chí/xã", "Avg. criteria"),
    "phone.kpi_standard": ("Xã đạt {n}/{n}", "At {n}/{n}"),
    "phone.kpi_missing": ("Xã chưa báo cáo", "No report"),
    "phone.kpi_missing_help": ("Chưa gửi báo cáo trong kỳ: {names}.", "No report for the period: {names}."),
    "phone.kpi_missing_none": ("Mọi xã đã gửi báo cáo trong kỳ.", "Every commune reported for the period."),
    "phone.kpi_rest": (
        "{count} xã có báo cáo, tổng cộng {total} tiêu chí đạt.",
        "{count} {count|commune|communes} reporting, {total} criteria met in total.",
    ),
    "layout.last_mile_short": ("Xã thiếu 1-2 tiêu chí", "Communes 1-2 criteria short"),
    "layout.targets_details": (
        "Mức, thời hạn, tiêu chí còn thiếu và kế hoạch của từng xã",
        "Level, deadline, criteria still missing and plan of each commune",
    ),
}
