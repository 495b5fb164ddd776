"""The Commune profile page."""

MESSAGES: dict[str, tuple[str, str]] = {
    "profile.commune": ("Xã", "Commune"),
    "profile.title": ("Hồ sơ {name}", "Profile of {name}"),
    "profile.no_history": (
        "Xã này chưa có báo cáo nào. Tải báo cáo lên ở trang “Tải dữ liệu”.",
        "This commune has no reports yet. Upload them on the “Upload” page.",
    ),
    "profile.latest": (
        "Báo cáo gần nhất ({period}, {set_id}): đạt **{met}/{n}** tiêu chí.",
        "Latest report ({period}, the {set_id}): **{met}/{n}** criteria met.",
    ),
    "profile.trend_title": ("Số tiêu chí đạt theo tháng – {name}", "Criteria met by month – {name}"),
    "profile.status_title": ("Tình trạng từng tiêu chí ({period})", "Status of each criterion ({period})"),
    "profile.status": ("Tình trạng", "Status"),
    "profile.unmet_since": ("Chưa đạt từ", "Not met since"),
    "profile.indicators": ("Các chỉ tiêu của bộ tiêu chí ({count})", "Indicators of the criteria set ({count})"),
    "profile.indicator_code": ("Chỉ tiêu", "Indicator"),
    "profile.uploads_title": ("Lịch sử tải dữ liệu", "Upload history"),
    "profile.uploaded_at": ("Thời gian", "When"),
    "profile.file": ("Tệp", "File"),
    "profile.source": ("Nguồn", "Source"),
    "profile.upload_status": ("Trạng thái", "Status"),
    "profile.regressions": (
        "Mất so với báo cáo {previous}: {criteria}. Đề nghị xã và sở, ngành phụ trách kiểm tra.",
        "Lost since the {previous} report: {criteria}. Ask the commune and the departments in charge to check.",
    ),
    "profile.targets_title": ("Mục tiêu của xã", "The commune's targets"),
    "profile.no_targets": (
        "Xã chưa có mục tiêu. Nhập mục tiêu ở trang “Mục tiêu”.",
        "No targets for this commune. Enter them on the “Targets” page.",
    ),
    "profile.target_line": (
        "**{level}** hạn {deadline} ({plan}): **{status}** — {months}; tốc độ cần {needed}, thực tế {observed}.",
        "**{level}** due {deadline} ({plan}): **{status}** — {months}; pace needed {needed}, observed {observed}.",
    ),
}
