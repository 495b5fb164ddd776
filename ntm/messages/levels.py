"""The Levels page (``ntm.levels``): advanced and model NTM, the district ranking; its cards on the overview."""

MESSAGES: dict[str, tuple[str, str]] = {
    "levels.standard": ("Đạt chuẩn NTM", "NTM standard"),
    "levels.advanced": ("NTM nâng cao", "Advanced NTM"),
    "levels.model": ("NTM kiểu mẫu", "Model NTM"),
    "levels.village_model": ("Khu dân cư kiểu mẫu", "Model residential area"),
    "levels.count_axis": ("Số đơn vị", "Units"),
    "levels.basis.reported": (
        "các xã có đánh giá theo bộ tiêu chí nâng cao",
        "the communes assessed against the advanced set",
    ),
    "levels.basis.at_standard": (
        "các xã đã đạt chuẩn NTM trong kỳ",
        "the communes at NTM standard in the period",
    ),
    "levels.kind.commune": ("Xã ({base} xã trong kỳ)", "Communes ({base} in the period)"),
    "levels.kind.village": ("Thôn, bản ({base} thôn trong danh sách)", "Villages ({base} listed)"),
    "levels.kind_word.commune": ("xã", "communes"),
    "levels.kind_word.village": ("thôn", "villages"),
    "levels.no_set": (
        "Chưa có bộ tiêu chí mức này cho {kind} trong kỳ. Nạp bộ tiêu chí của tỉnh ở danh mục tiêu chí.",
        "No criteria set of this level for {kind} in the period. Load the province's set into the catalogue.",
    ),
    "levels.card_help": (
        "Số đơn vị đạt toàn bộ tiêu chí của bộ {set_id} trong báo cáo mới nhất của kỳ / tổng số; tỷ lệ ở dưới.",
        "Units meeting every criterion of {set_id} in their latest report of the period / all; the share below.",
    ),
    "levels.trend_title.commune": (
        "Số xã theo mức đạt chuẩn qua các năm",
        "Communes by level, year by year",
    ),
    "levels.trend_title.village": (
        "Số thôn, bản theo mức qua các năm",
        "Villages by level, year by year",
    ),
    "levels.note": (
        "Theo kết quả đánh giá (không phải quyết định công nhận); đơn vị đạt mức cao được tính cả ở mức thấp hơn.",
        "From assessments (not recognition decisions); a unit at a higher level counts at the lower ones too.",
    ),
    "levels.title": ("Các mức đạt chuẩn – {unit} – {period}", "Levels – {unit} – {period}"),
    "levels.advanced_header": ("NTM nâng cao", "Advanced NTM"),
    "levels.basis_label": ("Tính bình quân trên", "Average over"),
    "levels.no_advanced": (
        "{unit} chưa có kết quả đánh giá NTM nâng cao trong {period}. Tải kết quả theo bộ nang-cao-2021 ở trang “Tải dữ liệu”, hoặc chọn kỳ khác.",
        "{unit} has no advanced NTM results in {period}. Upload results against nang-cao-2021 on the “Upload” page, or choose another period.",
    ),
    "levels.kpi_advanced_average": ("Bình quân tiêu chí nâng cao/xã", "Avg. advanced criteria/commune"),
    "levels.kpi_counted": ("Số xã được tính", "Communes counted"),
    "levels.kpi_at_standard": ("Xã đạt chuẩn NTM trong kỳ", "Communes at NTM standard"),
    "levels.advanced_sentence": (
        "Bình quân {unit} đạt **{average} tiêu chí NTM nâng cao/xã**, tính trên {communes} xã ({basis}; bộ {set_id}).",
        "{unit} averages **{average} advanced NTM criteria per commune**, over {communes} {communes|commune|communes} ({basis}; set {set_id}).",
    ),
    "levels.dist_title": (
        "Số xã theo số tiêu chí nâng cao đạt – {unit} – {period}",
        "Communes by advanced criteria met – {unit} – {period}",
    ),
    "levels.communes_title": (
        "Tiêu chí nâng cao đạt theo xã – {period}",
        "Advanced criteria met by commune – {period}",
    ),
    "levels.unmet_title": (
        "Tiêu chí nâng cao chưa đạt và sở, ngành phụ trách",
        "Advanced criteria not met and the departments in charge",
    ),
    "levels.model_header": ("Điều kiện xã NTM kiểu mẫu", "Model commune conditions"),
    "levels.no_model": (
        "{unit} chưa có kết quả đánh giá điều kiện xã NTM kiểu mẫu trong {period}. Tải kết quả theo bộ kieu-mau-2021, hoặc chọn kỳ khác.",
        "{unit} has no model-commune results in {period}. Upload results against kieu-mau-2021, or choose another period.",
    ),
    "levels.col_conditions": ("Điều kiện đạt", "Conditions met"),
    "levels.col_missing": ("Điều kiện còn thiếu", "Conditions missing"),
    "levels.rank_header": ("Xếp hạng huyện theo số xã đạt chuẩn", "Districts ranked by communes at standard"),
    "levels.no_rank": (
        "{province} chưa có đủ hai huyện có báo cáo trong {period} để xếp hạng. Chọn kỳ khác.",
        "{province} has fewer than two districts with reports in {period}, so there is no ranking. Choose another period.",
    ),
    "levels.rank_sentence": (
        "{district} đứng thứ {rank}/{of} huyện về số xã đạt chuẩn NTM ({count} xã), thứ {rank_average}/{of} về bình quân tiêu chí/xã.",
        "{district} ranks {rank} of {of} districts by communes at NTM standard ({count}), {rank_average} of {of} by average criteria per commune.",
    ),
    "levels.col_rank_standard": ("Hạng (số xã đạt chuẩn)", "Rank (communes at standard)"),
    "levels.col_rank_average": ("Hạng (bình quân)", "Rank (average)"),
    "levels.rank_note": (
        "Xã đạt chuẩn: đạt đủ tiêu chí bộ {set_id} trong báo cáo mới nhất của kỳ; bằng số xã thì cùng hạng.",
        "At standard: every criterion of {set_id} met in the latest report of the period; equal counts share a rank.",
    ),
    "overview.levels_title": ("Ba mức đạt chuẩn: NTM, nâng cao, kiểu mẫu", "Three levels: standard, advanced, model"),
    "overview.rank_standard": (
        "Về số xã đạt chuẩn NTM, {district} đứng thứ {rank}/{of} huyện ({count} xã).",
        "By communes at NTM standard, {district} ranks {rank} of {of} ({count} {count|commune|communes}).",
    ),
}
