"""The report draft (ntm.reports) and the Reports page."""

MESSAGES: dict[str, tuple[str, str]] = {
    "report.subtitle": ("(Số liệu {layer})", "({layer} figures)"),
    "report.no_data_heading": ("Chưa có số liệu", "No data"),
    "report.no_data": (
        "Chưa có báo cáo của xã nào thuộc {unit} trong kỳ {period}. Tải báo cáo lên ở trang “Tải dữ liệu”.",
        "No commune of {unit} reported for {period}. Upload the reports on the “Upload” page.",
    ),
    "report.h_overall": ("Kết quả chung", "Overall result"),
    "report.communes": ("Số xã có báo cáo: {communes}.", "Communes reporting: {communes}."),
    "report.missing": ("Còn {count} chưa báo cáo: {names}.", "Not reported yet: {count} ({names})."),
    "report.average": (
        "Bình quân toàn {unit} đạt {average} tiêu chí/xã.",
        "{unit} averages {average} criteria per commune.",
    ),
    "report.average_before": (
        "Cùng kỳ năm trước đạt {average} tiêu chí/xã ({change}).",
        "The same period last year: {average} criteria per commune ({change}).",
    ),
    "report.total": (
        "Tổng số tiêu chí đạt chuẩn của {unit} là {total} tiêu chí.",
        "{unit} meets {total} criteria in total.",
    ),
    "report.h_bins": ("Phân loại xã theo số tiêu chí đạt", "Communes by criteria met"),
    "report.bin_full": (
        "Số xã đạt {label} tiêu chí: {count}{names}.",
        "Communes meeting all {label} {label|criterion|criteria}: {count}{names}.",
    ),
    "report.bin": (
        "Số xã đạt từ {label} tiêu chí: {count}{names}.",
        "Communes meeting {label} {label|criterion|criteria}: {count}{names}.",
    ),
    "report.bin_none_below": (
        "Không còn xã dưới {low} tiêu chí.",
        "No commune meets fewer than {low} {low|criterion|criteria}.",
    ),
    "report.h_unmet": (
        "Các xã chưa đạt chuẩn và tiêu chí chưa đạt",
        "Communes not at standard and their unmet criteria",
    ),
    "report.commune_line": (
        "Xã {name} đạt {met}/{n} tiêu chí, chưa đạt các tiêu chí: {unmet}.",
        "{name} meets {met}/{n} {n|criterion|criteria}; not met: {unmet}.",
    ),
    "report.all_met": (
        "Tất cả các xã có báo cáo đều đạt đủ tiêu chí.",
        "Every reporting commune meets every criterion.",
    ),
    "report.col_communes": ("Số xã chưa đạt", "Communes not meeting it"),
    "report.h_targets": ("Xã phấn đấu đạt chuẩn năm {year}", "Target communes for {year}"),
    "report.target_head": ("Xã {name} phấn đấu {level} hạn {deadline}", "{name} aims at {level} by {deadline}"),
    "report.target_recognised": (
        "đã được công nhận (quyết định {decision_no} ngày {decision_date})",
        "recognised (decision {decision_no} of {decision_date})",
    ),
    "report.target_self": (
        "đã tự đánh giá đạt đủ tiêu chí, đề nghị thẩm định",
        "self-assessed as complete; appraisal requested",
    ),
    "report.target_no_data": (
        "chưa có báo cáo theo bộ tiêu chí của mức này",
        "no report yet against this level's criteria",
    ),
    "report.target_gap": (
        "còn thiếu {count} tiêu chí: {criteria}; {months}, cần {needed}, thực tế {observed} — {status}",
        "{count} {count|criterion|criteria} missing: {criteria}; {months}, {needed} needed, {observed} observed — {status}",
    ),
    "report.no_targets": ("Chưa có xã nào đăng ký mục tiêu đến hạn năm {year}.", "No commune target is due in {year}."),
    "report.h_change": ("Thay đổi so với {before}", "Change since {before}"),
    "report.change_line": (
        "Xã {name}: {before} → {after} tiêu chí (đạt thêm: {gained}; không còn đạt: {lost}).",
        "{name}: {before} → {after} {after|criterion|criteria} (newly met: {gained}; lost: {lost}).",
    ),
    "report.no_change": ("Không xã nào thay đổi so với {before}.", "No commune changed since {before}."),
    "reports.title": ("Báo cáo — {unit} — {period}", "Report — {unit} — {period}"),
    "reports.help": (
        "Bản dự thảo báo cáo theo lời văn báo cáo của huyện; tải về dạng Word hoặc Excel để chỉnh sửa và ký ban hành.",
        "A draft in the wording district reports use; download it as Word or Excel to edit and sign.",
    ),
    "reports.docx": ("Tải bản Word (.docx)", "Download Word (.docx)"),
    "reports.xlsx": ("Tải bản Excel (.xlsx)", "Download Excel (.xlsx)"),
    "report.level.ntm": ("đạt chuẩn NTM", "the NTM standard"),
    "report.level.nang_cao": ("đạt chuẩn NTM nâng cao", "advanced NTM"),
    "report.level.kieu_mau": ("đạt chuẩn NTM kiểu mẫu", "model NTM"),
    "report.no_earlier": (
        "Chưa có số liệu kỳ {before} theo {set_name} để so sánh.",
        "No {before} figures on {set_name} to compare with.",
    ),
}
