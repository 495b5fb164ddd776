"""The command line (python -m ntm) and the criteria catalogue import."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.db_busy": (
        "Tệp cơ sở dữ liệu {path} đang được một chương trình khác mở (có thể là ứng dụng NTM Dashboard). Hãy dừng chương trình đó hoặc dùng --db để chỉ định tệp khác. Cần bản sao lưu khi ứng dụng đang chạy: đăng nhập quản trị, mở trang Quản trị → Sao lưu → Tạo bản sao lưu rồi tải về.",
        "The database file {path} is open in another process (perhaps the NTM Dashboard app). Stop it, or point --db at another file. For a backup while the app runs: sign in as an administrator, open Administration → Backup → Make a backup, and download it.",
    ),
    "cli.sample_done": (
        "Đã tạo cơ sở dữ liệu mẫu {path}: {units} đơn vị hành chính, {rows} dòng đánh giá, {uploads} lần tải lên.",
        "Built the sample database {path}: {units} administrative {units|unit|units}, {rows} assessment {rows|row|rows}, {uploads} {uploads|upload|uploads}.",
    ),
    "cli.summary_title": (
        "{unit} — kỳ {period} — {set_id}",
        "{unit} — period {period} — {set_id}",
    ),
    "cli.summary_line": (
        "Số xã có báo cáo: {communes}; tổng số tiêu chí đạt: {total}; bình quân {average} tiêu chí/xã.",
        "Communes reporting: {communes}; criteria met in total: {total}; average {average} criteria per commune.",
    ),
    "cli.not_reported": ("Xã chưa báo cáo: {names}.", "Communes without a report: {names}."),
    "cli.no_data": (
        "Không có báo cáo nào của {unit} trong kỳ {period} ({set_id}). Hãy chọn kỳ khác hoặc tải dữ liệu lên.",
        "No reports for {unit} in {period} (the {set_id}). Choose another period or upload data.",
    ),
    "cli.catalog_loaded": (
        "Đã nạp bộ tiêu chí: {sets} ({criteria} tiêu chí, {indicators} chỉ tiêu).",
        "Loaded criteria sets: {sets} ({criteria} {criteria|criterion|criteria}, {indicators} {indicators|indicator|indicators}).",
    ),
    "cli.rejected": (
        "Tệp bị từ chối, không có gì được ghi vào cơ sở dữ liệu. Sửa các lỗi sau rồi tải lại:",
        "File rejected; nothing was written. Fix these errors and upload again:",
    ),
    "catalog.missing_column": (
        "Thiếu cột “{column}”. Thêm cột này vào dòng tiêu đề (xem tệp mẫu criteria.csv).",
        "Column “{column}” is missing. Add it to the header row (see criteria.csv).",
    ),
    "catalog.bad_number": (
        "Số tiêu chí “{value}” không phải số nguyên dương. Ghi số tiêu chí, ví dụ 2.",
        "Criterion number “{value}” is not a positive whole number. Write e.g. 2.",
    ),
    "catalog.empty": (
        "Không có dòng tiêu chí nào. Điền ít nhất một dòng tiêu chí.",
        "No criteria rows. Fill in at least one criterion.",
    ),
    "catalog.missing_value": ("Ô “{column}” đang trống. Điền giá trị cho ô này.", "“{column}” is empty. Fill it in."),
    "catalog.duplicate": (
        "Tiêu chí {criterion} của bộ {set_id} bị lặp (đã có ở dòng {first}). Xóa một dòng.",
        "Criterion {criterion} of set {set_id} is repeated (first at row {first}). Remove one row.",
    ),
    "catalog.indicator_orphan": (
        "Chỉ tiêu {code} thuộc tiêu chí {criterion} nhưng bộ {set_id} không có dòng tiêu chí {criterion}. Thêm dòng tiêu chí đó.",
        "Indicator {code} belongs to criterion {criterion}, which set {set_id} lacks. Add that criterion row.",
    ),
    "catalog.bad_date": (
        "Ngày “{value}” không hợp lệ: ghi theo dạng NNNN-TT-NN.",
        "Invalid date “{value}”: write YYYY-MM-DD.",
    ),
    "cli.import_loaded": (
        "Đã nạp {rows} dòng của {communes} xã (mã lần tải {upload_id}).",
        "Loaded {rows} {rows|row|rows} for {communes} {communes|commune|communes} (upload {upload_id}).",
    ),
    "cli.import_dry": (
        "Kiểm tra xong, tệp hợp lệ: {rows} dòng của {communes} xã sẽ được nạp (chưa ghi gì).",
        "Checked, the file is valid: {rows} {rows|row|rows} for {communes} {communes|commune|communes} would be loaded (nothing written).",
    ),
    "cli.warnings": ("Lưu ý:", "Warnings:"),
    "cli.change_line": (
        "  {name} ({period}): {met} tiêu chí đạt (trước: {before}); mới đạt: {gained}; bị mất: {lost}",
        "  {name} ({period}): {met} met (before: {before}); newly met: {gained}; lost: {lost}",
    ),
    "cli.missing_line": (
        "Xã có báo cáo kỳ trước nhưng không có trong tệp: {names}",
        "Communes that reported last period but are not in the file: {names}",
    ),
    "cli.no_file": ("Không có tệp {path}.", "No file {path}."),
    "cli.template_written": (
        "Đã ghi biểu mẫu {path} cho {unit}, kỳ {period}, bộ {set_id}.",
        "Wrote template {path} for {unit}, {period}, set {set_id}.",
    ),
    "cli.targets_title": (
        "Mục tiêu năm {year} — {unit} — số liệu đến {as_of} ({layer})",
        "Targets for {year} — {unit} — data up to {as_of} ({layer})",
    ),
    "cli.targets_none": (
        "Chưa có mục tiêu nào đến hạn năm {year} cho {unit}. Nhập kế hoạch bằng: python -m ntm targets import TỆP.xlsx",
        "No targets due in {year} for {unit}. Load a plan with: python -m ntm targets import FILE.xlsx",
    ),
    "cli.targets_counts": ("Tình trạng: {counts}", "Status: {counts}"),
    "cli.targets_loaded": (
        "Đã nạp {targets} mục tiêu xã, {goals} chỉ tiêu đơn vị, {recognitions} quyết định công nhận.",
        "Loaded {targets} commune {targets|target|targets}, {goals} unit {goals|goal|goals}, {recognitions} recognition {recognitions|decision|decisions}.",
    ),
    "cli.targets_usage": (
        'Cần --unit và --year (ví dụ: python -m ntm targets --unit "Văn Quan" --year 2024), hoặc: targets import TỆP.',
        'Give --unit and --year (e.g. python -m ntm targets --unit "Văn Quan" --year 2024), or: targets import FILE.',
    ),
}
