"""The Criteria page."""

MESSAGES: dict[str, tuple[str, str]] = {
    "criteria.title": ("Tiêu chí – {unit} – {period}", "Criteria – {unit} – {period}"),
    "criteria.rates_title": (
        "Tỷ lệ xã đạt từng tiêu chí – {unit} – {period}",
        "Share of communes meeting each criterion – {unit} – {period}",
    ),
    "criteria.bottleneck_title": ("Tiêu chí “nút thắt”", "Bottleneck criteria"),
    "criteria.name": ("Tên tiêu chí", "Criterion name"),
    "criteria.rate": ("Tỷ lệ xã đạt", "Share met"),
    "criteria.last_mile": (
        "Số xã chỉ còn thiếu 1-2 tiêu chí, trong đó có tiêu chí này",
        "Communes missing only 1-2 criteria, this one among them",
    ),
    "criteria.last_mile_help": (
        "Tiêu chí ít xã đạt nhất và thường là tiêu chí cuối cùng còn thiếu; cột cuối là sở, ngành chịu trách nhiệm.",
        "Criteria the fewest communes meet, and most often the last ones missing; the last column is the department in charge.",
    ),
    "criteria.department": ("Sở, ngành phụ trách", "Department in charge"),
    "criteria.by_district_title": (
        "Tỷ lệ xã đạt (%) theo huyện và tiêu chí",
        "Share of communes meeting each criterion (%) by district",
    ),
    "criteria.by_district_help": (
        "Mỗi ô: phần trăm số xã có báo cáo của huyện đạt tiêu chí đó; màu càng đậm, tỷ lệ càng cao. Đưa chuột lên số tiêu chí để xem tên.",
        "Each cell: percent of the district's reporting communes meeting that criterion; the darker, the higher. Hover over a criterion number for its name.",
    ),
    "criteria.over_time_title": (
        "Tỷ lệ xã đạt từng tiêu chí qua các năm — {unit} ({set_id})",
        "Share of communes meeting each criterion by year — {unit} ({set_id})",
    ),
    "criteria.over_time_help": (
        "Mỗi năm tính theo báo cáo cuối cùng trong năm của từng xã; chỉ so sánh trong cùng một bộ tiêu chí.",
        "Each year counts each commune's last report in the year; only years of the same criteria set are compared.",
    ),
}
