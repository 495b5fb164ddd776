"""The counts report's sections (``ntm.counts_report``): villages, advanced and model levels, rankings,
resources (issue 16); the counts' pages in the navigation and the sample's loading step."""

MESSAGES: dict[str, tuple[str, str]] = {
    "app.building_step.counts": (
        "Đang nạp thôn, bản, kết quả nâng cao, kiểu mẫu và nguồn lực mẫu…",
        "Loading sample villages, advanced and model results, and resources…",
    ),
    # report sections
    "report.h_levels": ("NTM nâng cao, NTM kiểu mẫu", "Advanced and model NTM"),
    "report.levels_counts": (
        "Toàn đơn vị có {standard}/{base} xã đạt chuẩn NTM, {advanced} xã đạt chuẩn NTM nâng cao, {model} xã đạt chuẩn NTM kiểu mẫu (theo kết quả đánh giá trong kỳ).",
        "{standard} of {base} {base|commune|communes} meet the NTM standard, {advanced} the advanced standard and {model} the model standard (as assessed in the period).",
    ),
    "report.advanced_average": (
        "Bình quân {unit} đạt {average} tiêu chí NTM nâng cao/xã (tính trên {communes} xã: {basis}).",
        "{unit} averages {average} advanced NTM criteria per commune (over {communes} {communes|commune|communes}: {basis}).",
    ),
    "report.advanced_line": (
        "Xã {name} đạt {met}/{n} tiêu chí NTM nâng cao, chưa đạt: {unmet}.",
        "{name} meets {met}/{n} advanced {n|criterion|criteria}; not met: {unmet}.",
    ),
    "report.advanced_full": (
        "Xã {name} đạt {n}/{n} tiêu chí NTM nâng cao.",
        "{name} meets all {n} advanced {n|criterion|criteria}.",
    ),
    "report.model_line": (
        "Xã {name} đáp ứng {met}/{n} điều kiện xã NTM kiểu mẫu, còn thiếu: {unmet}.",
        "{name} meets {met}/{n} model-commune {n|condition|conditions}; missing: {unmet}.",
    ),
    "report.h_villages": ("Xây dựng thôn, bản đạt chuẩn NTM", "Villages at NTM standard"),
    "report.villages_average": (
        "Bình quân {unit} đạt {average} tiêu chí NTM/thôn ({reporting}/{villages} thôn, bản có báo cáo).",
        "{unit} averages {average} NTM criteria per village ({reporting} of {villages} {villages|village|villages} reporting).",
    ),
    "report.villages_levels": (
        "Kết quả: {at_standard}/{villages} thôn, bản đạt chuẩn NTM (đạt {share}); {model} thôn đạt chuẩn khu dân cư NTM kiểu mẫu.",
        "Result: {at_standard} of {villages} {villages|village|villages} at NTM standard ({share}); {model} model residential areas.",
    ),
    "report.villages_commune": (
        "Xã {commune}: {at_standard}/{villages} thôn đạt chuẩn ({share}), {model} thôn kiểu mẫu.",
        "{commune}: {at_standard} of {villages} {villages|village|villages} at standard ({share}), {model} model.",
    ),
    "report.h_rank": ("Xếp hạng trong tỉnh", "Rank in the province"),
    "report.rank_line": (
        "{unit} đứng thứ {rank}/{of} huyện trong tỉnh về số xã đạt chuẩn NTM ({count} xã) và thứ {rank_average}/{of} về bình quân tiêu chí/xã.",
        "{unit} ranks {rank} of {of} districts in the province by communes at NTM standard ({count}) and {rank_average} of {of} by average criteria per commune.",
    ),
    "report.h_resources": (
        "Huy động nguồn lực, công trình và hoạt động (lũy kế {start} – {end})",
        "Resources, works and activities (year to date, {start} – {end})",
    ),
    # pages and navigation
    "page.levels": ("Các mức đạt chuẩn", "Levels"),
    "page.villages": ("Thôn, bản", "Villages"),
    "page.resources": ("Nguồn lực", "Resources"),
}
