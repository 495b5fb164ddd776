"""The national scope ("Toàn quốc"): the sidebar choice above the provinces and what pages say about it."""

MESSAGES: dict[str, tuple[str, str]] = {
    "national.scope": ("Toàn quốc", "Whole country"),
    "national.ranking_title": (
        "Xếp hạng tỉnh theo bình quân tiêu chí/xã – toàn quốc – {period}",
        "Provinces ranked by average criteria per commune – whole country – {period}",
    ),
    "national.by_province_title": (
        "Tỷ lệ xã đạt từng tiêu chí, theo tỉnh (%)",
        "Share of communes meeting each criterion, by province (%)",
    ),
    "national.provinces_counted": (
        (
            "Số liệu toàn quốc tính trên {count} tỉnh có báo cáo trong kỳ ({names}); xã của tỉnh chưa gửi báo cáo "
            "không tính là “chưa báo cáo”. Chọn một tỉnh ở thanh bên để xem riêng tỉnh đó."
        ),
        (
            "Whole-country figures count the {count} province(s) that reported in the period ({names}); communes of "
            "provinces that sent nothing are not counted as “not reported”. Choose a province in the sidebar to see "
            "it alone."
        ),
    ),
    "national.pick_province": (
        (
            "Trang này xem từng xã nên cần một tỉnh: chọn tỉnh (và huyện) ở mục “Tỉnh” trên thanh bên. "
            "Số liệu toàn quốc có ở trang “Tổng quan” và “Tiêu chí”."
        ),
        (
            "This page shows single communes, so it needs a province: choose one (and a district) under “Province” "
            "in the sidebar. Whole-country figures are on the “Overview” and “Criteria” pages."
        ),
    ),
    "national.template_pick_province": (
        "Biểu mẫu được lập cho một tỉnh hoặc huyện: chọn tỉnh ở thanh bên để tải biểu mẫu có sẵn danh sách xã.",
        (
            "Templates are made for one province or district: choose a province in the sidebar to download one "
            "with its communes listed."
        ),
    ),
}
