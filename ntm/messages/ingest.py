"""Reading and checking uploaded files (ntm.ingest) and the Upload page."""

MESSAGES: dict[str, tuple[str, str]] = {
    "file.empty": (
        "Tệp rỗng. Hãy chọn đúng tệp Excel đã điền số liệu.",
        "The file is empty. Choose the filled-in Excel file.",
    ),
    "file.too_large": (
        "Tệp nặng {size} MB, vượt giới hạn {limit} MB. Xóa các trang không cần thiết hoặc tách thành nhiều tệp.",
        "The file is {size} MB, over the {limit} MB limit. Remove unneeded sheets or split it.",
    ),
    "file.not_workbook": (
        "Tệp “{name}” không phải bảng tính Excel (.xlsx, .xlsm, .xls) hay .ods, dù có đuôi như vậy. Mở tệp bằng Excel và lưu lại dạng “Excel Workbook (.xlsx)”.",
        "“{name}” is not an Excel (.xlsx, .xlsm, .xls) or .ods workbook, whatever its extension. Open it in Excel and save it as “Excel Workbook (.xlsx)”.",
    ),
    "file.corrupt": (
        "Tệp bị hỏng hoặc không đọc được. Mở tệp bằng Excel, kiểm tra nội dung rồi lưu lại dạng .xlsx.",
        "The file is damaged or unreadable. Open it in Excel, check it and save it again as .xlsx.",
    ),
    "file.password": (
        "Tệp được đặt mật khẩu. Mở tệp bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi tải lại.",
        "The file is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook) and upload again.",
    ),
    "file.zip_bomb": (
        "Tệp có phần nén bất thường (dung lượng giải nén quá lớn) nên bị từ chối vì lý do an toàn. Hãy lưu lại tệp bằng Excel.",
        "The file contains abnormally compressed parts (too large when unpacked) and was refused for safety. Save it again from Excel.",
    ),
    "file.dtd": (
        "Tệp chứa khai báo XML không được phép ({part}) nên bị từ chối vì lý do an toàn. Hãy lưu lại tệp bằng Excel.",
        "The file contains a forbidden XML declaration ({part}) and was refused for safety. Save it again from Excel.",
    ),
    "file.missing_part": (
        "Tệp thiếu thành phần bắt buộc {part}: không phải bảng tính hợp lệ. Hãy lưu lại tệp bằng Excel.",
        "The file lacks the required part {part}: not a valid workbook. Save it again from Excel.",
    ),
    "file.dimension": (
        "Trang tính có kích thước bất thường ({rows} dòng × {columns} cột). Xóa các ô thừa ở xa bảng số liệu (Ctrl+End để tìm) rồi lưu lại.",
        "The sheet has an abnormal size ({rows} {rows|row|rows} × {columns} {columns|column|columns}). Delete stray cells far from the table (Ctrl+End finds them) and save again.",
    ),
    "file.timeout": (
        "Đọc tệp quá {seconds} giây nên đã dừng. Hãy tách tệp thành các tệp nhỏ hơn.",
        "Reading the file took over {seconds} seconds and was stopped. Split it into smaller files.",
    ),
    "file.crashed": (
        "Trình đọc bảng tính không đọc được tệp này (tệp có thể bị hỏng hoặc có cấu trúc bất thường). Mở tệp bằng Excel và lưu lại dạng .xlsx.",
        "The spreadsheet reader could not read this file (damaged or unusual structure). Open it in Excel and save it again as .xlsx.",
    ),
    "import.unknown_set": (
        "Không có bộ tiêu chí “{set_id}”. Chọn một bộ có trong danh mục.",
        "No criteria set “{set_id}”. Choose one from the catalogue.",
    ),
    "import.no_table": (
        "Không có bảng kết quả tiêu chí của các xã trong tệp này: hãy tải tệp có tên xã (hoặc mã xã) và kết quả từng tiêu chí, ví dụ biểu mẫu ở mục 1.",
        "No table of commune results here: upload a file with commune names (or codes) and a result per criterion, such as the template in section 1.",
    ),
    "import.empty": (
        "Bảng không có dòng số liệu nào. Điền kết quả của các xã rồi tải lại.",
        "The table has no data rows. Fill in the communes' results and upload again.",
    ),
    "import.no_period": (
        "Không biết báo cáo của tháng nào. Ghi kỳ báo cáo (ví dụ “Tháng 5/2020”) vào tiêu đề hoặc tên trang, hoặc chọn kỳ khi tải lên (--period).",
        "Cannot tell which month this reports. Put the period (e.g. “Tháng 5/2020”) in the title or sheet name, or choose it when uploading (--period).",
    ),
    "import.bad_period": (
        "Kỳ báo cáo “{text}” không hợp lệ. Ghi theo dạng 5/2020 hoặc 2020-05.",
        "Invalid period “{text}”. Write 5/2020 or 2020-05.",
    ),
    "import.no_unit": (
        "Không biết số liệu của huyện/tỉnh nào. Ghi “UBND HUYỆN …” ở tiêu đề, hoặc chọn đơn vị khi tải lên (--unit).",
        "Cannot tell which district or province this is. Put “UBND HUYỆN …” in the title, or choose the unit when uploading (--unit).",
    ),
    "import.unit": ("{detail}", "{detail}"),
    "import.no_set": (
        "Không có bộ tiêu chí nào áp dụng cho kỳ {period}. Chọn bộ tiêu chí khi tải lên (--set).",
        "No criteria set applies to {period}. Choose one when uploading (--set).",
    ),
    "import.criterion_outside": (
        "Tiêu chí {criterion} không có trong bộ {set_id} (gồm {n} tiêu chí). Xóa ô này hoặc chọn đúng bộ tiêu chí.",
        "Criterion {criterion} is not in set {set_id} ({n} {n|criterion|criteria}). Remove it or choose the right set.",
    ),
    "import.criterion_repeated": (
        "Có tiêu chí xuất hiện ở hai cột. Giữ mỗi tiêu chí một cột.",
        "A criterion appears in two columns. Keep one column per criterion.",
    ),
    "import.no_name_column": (
        "Không có cột tên xã hoặc mã xã trong dòng tiêu đề. Thêm cột “Tên xã”.",
        "No commune name or code column in the header. Add a “Tên xã” column.",
    ),
    "import.legacy_font": (
        "Tên “{text}” được gõ bằng phông chữ cũ (TCVN3/VNI). Chuyển sang Unicode (Unikey → Công cụ chuyển mã) rồi tải lại.",
        "“{text}” was typed with a legacy font (TCVN3/VNI). Convert it to Unicode (Unikey → conversion tool) and upload again.",
    ),
    "import.duplicate": (
        "Xã “{name}” đã có ở dòng {first} cùng kỳ. Xóa dòng bị lặp.",
        "Commune “{name}” already appears at row {first} for the same period. Remove the repeated row.",
    ),
    "import.total_mismatch": (
        "Tổng ghi trong tệp là {stated} nhưng đếm các ô “Đạt” được {counted}; hệ thống dùng {counted}. Kiểm tra lại cột tổng.",
        "The file states {stated} but the marks count {counted}; {counted} is used. Check the total column.",
    ),
    "import.formula_no_value": (
        "Ô tiêu chí {criterion} (bộ {set_id}) chứa công thức chưa có giá trị (tệp chưa được tính lại). Mở tệp bằng Excel, nhấn F9 rồi lưu lại, hoặc ghi trực tiếp “Đạt”/“Chưa đạt”.",
        "Criterion {criterion} (set {set_id}) holds a formula with no computed value. Open the file in Excel, press F9 and save, or type “Đạt”/“Chưa đạt”.",
    ),
    "import.error_cell": (
        "Ô tiêu chí {criterion} (bộ {set_id}) có lỗi Excel (#N/A, #REF!…). Sửa công thức hoặc ghi trực tiếp “Đạt”/“Chưa đạt”.",
        "Criterion {criterion} (set {set_id}) holds an Excel error (#N/A, #REF!…). Fix the formula or type “Đạt”/“Chưa đạt”.",
    ),
    "import.blank": (
        "Ô tiêu chí {criterion} (bộ {set_id}) để trống. Ghi “Đạt”, “Cơ bản đạt” hoặc “Chưa đạt”; nếu trang đánh dấu x cho tiêu chí đạt, ghi chú “x: đạt” ở tiêu đề.",
        "Criterion {criterion} (set {set_id}) is blank. Write “Đạt”, “Cơ bản đạt” or “Chưa đạt”; if the sheet marks met criteria with x, say “x: đạt” in its title.",
    ),
    "import.bad_mark": (
        "Giá trị “{value}” ở tiêu chí {criterion} (bộ {set_id}) không phải là kết quả đánh giá. Ghi “Đạt”, “Cơ bản đạt”, “Chưa đạt” (hoặc Đ / CĐ, x cho tiêu chí đạt).",
        "“{value}” for criterion {criterion} (set {set_id}) is not a result. Write “Đạt”, “Cơ bản đạt”, “Chưa đạt” (or Đ / CĐ, x for met).",
    ),
    "import.unknown_code": (
        "Mã xã {code} không thuộc {unit}. Kiểm tra lại mã (5 chữ số) hoặc để trống và ghi tên xã.",
        "Commune code {code} is not in {unit}. Check the 5-digit code, or leave it blank and write the name.",
    ),
    "import.no_name": (
        "Dòng này không có tên xã. Ghi tên xã hoặc xóa dòng.",
        "This row has no commune name. Write it or delete the row.",
    ),
    "import.ambiguous_commune": (
        "Tên “{name}” trùng với nhiều xã: {candidates}. Ghi mã xã.",
        "“{name}” matches several communes: {candidates}. Write the commune code.",
    ),
    "import.unknown_commune": (
        "Không tìm thấy xã “{name}” trong {unit}. Gần giống: {candidates}. Sửa tên, ghi mã xã, hoặc cho phép thêm xã mới (--accept-new-units).",
        "No commune “{name}” in {unit}. Closest: {candidates}. Fix the name, write the code, or allow new units (--accept-new-units).",
    ),
    "import.not_a_commune": (
        "“{name}” là huyện/tỉnh, không phải xã. Xóa dòng này hoặc ghi tên xã.",
        "“{name}” is a district or province, not a commune. Remove the row or write a commune.",
    ),
    "import.name_fuzzy": (
        "Tên “{name}” được hiểu là xã {official} (khác dấu). Kiểm tra lại nếu không đúng.",
        "“{name}” was read as {official} (different diacritics). Check if that is wrong.",
    ),
    "import.new_unit": (
        "Xã “{name}” chưa có trong danh mục: được thêm thành đơn vị lịch sử thuộc {parent}.",
        "“{name}” is not in the catalogue: added as a historical unit under {parent}.",
    ),
    "upload.title": ("Tải dữ liệu báo cáo của xã", "Upload commune reports"),
    "upload.template_title": ("1. Tải biểu mẫu", "1. Download the template"),
    "upload.template_button": (
        "Tải biểu mẫu {unit}, kỳ {period} (.xlsx)",
        "Download the template for {unit}, {period} (.xlsx)",
    ),
    "upload.template_pick_month": (
        "Chọn “Xem theo: Tháng” và một kỳ báo cáo ở thanh bên trái để tải biểu mẫu của tháng đó.",
        "Choose “View by: Month” and a period in the sidebar to download that month's template.",
    ),
    "upload.file_title": ("2. Tải tệp lên và kiểm tra", "2. Upload and check files"),
    "upload.file_label": (
        "Chọn một hoặc nhiều tệp Excel (.xlsx, .xlsm, .xls, .ods)",
        "Choose one or more Excel files (.xlsx, .xlsm, .xls, .ods)",
    ),
    "upload.file_help": (
        "Tệp được kiểm tra trước, chưa ghi gì cho đến khi bạn bấm “Xác nhận nạp”.",
        "Files are checked first; nothing is written until you press “Confirm and load”.",
    ),
    "upload.rejected": (
        "Tệp có {count} lỗi, chưa ghi gì vào cơ sở dữ liệu. Sửa các ô dưới đây rồi tải lại.",
        "The file has {count} {count|error|errors}; nothing was written. Fix the cells below and upload again.",
    ),
    "upload.where": ("Vị trí", "Where"),
    "upload.message": ("Nội dung", "Message"),
    "upload.valid": (
        "Tệp hợp lệ: {rows} dòng của {communes} xã. Xem thay đổi so với kỳ trước rồi bấm “Xác nhận nạp”.",
        "Valid: {rows} {rows|row|rows} for {communes} {communes|commune|communes}. Review the changes against the previous period, then press “Confirm and load”.",
    ),
    "upload.missing": (
        "Các xã có báo cáo kỳ trước nhưng không có trong tệp: {names}.",
        "Communes that reported last period but are missing here: {names}.",
    ),
    "upload.confirm": ("Xác nhận nạp", "Confirm and load"),
    "upload.loaded": (
        "Đã nạp {rows} dòng của {communes} xã (lần tải số {upload_id}). Các trang đã được cập nhật.",
        "Loaded {rows} {rows|row|rows} for {communes} {communes|commune|communes} (upload {upload_id}). Every page now shows the new data.",
    ),
    "upload.history_title": ("3. Lịch sử tải dữ liệu", "3. Upload history"),
    "upload.no_history": ("Chưa có lần tải dữ liệu nào.", "No uploads yet."),
    "upload.revert_pick": ("Chọn lần tải cần hoàn tác", "Upload to revert"),
    "upload.revert": ("Hoàn tác", "Revert"),
    "upload.reverted": (
        "Đã hoàn tác lần tải số {upload_id} ({rows} dòng); số liệu trước đó đã được khôi phục.",
        "Reverted upload {upload_id} ({rows} {rows|row|rows}); the earlier figures are back.",
    ),
    "upload.rows": ("Số dòng", "Rows"),
    "upload.communes": ("Số xã", "Communes"),
    "upload.layer": ("Loại số liệu của tệp", "What the file holds"),
    "upload.layer_help": (
        "Tự đánh giá: báo cáo của xã (mặc định). Thẩm định: kết quả đoàn thẩm định của huyện/tỉnh, lưu riêng, không ghi đè báo cáo của xã. Công nhận: theo quyết định công nhận.",
        "Self-assessed: the communes' own reports (default). Appraised: the district's or province's appraisal, kept apart and never overwriting the communes' reports. Recognised: by recognition decision.",
    ),
    "import.bad_criterion": (
        "“{text}” không phải là một tiêu chí. Ghi số tiêu chí (1 … 19), “TC1”, “Tiêu chí số 1: Quy hoạch” hoặc tên tiêu chí.",
        "“{text}” is not a criterion. Write its number (1 … 19), “TC1”, “Tiêu chí số 1: Quy hoạch” or its name.",
    ),
    "import.duplicate_conflict": (
        "Xã “{name}” có hai kết quả khác nhau cho tiêu chí {criteria} cùng kỳ: ở {first} và ở {second}. Giữ một kết quả rồi tải lại.",
        "Commune “{name}” has two different results for criteria {criteria} in the same period: at {first} and at {second}. Keep one and upload again.",
    ),
    "import.duplicate_same": (
        "Xã “{name}” được ghi hai lần (tiêu chí {criteria}): ở {first} và ở {second}, cùng kết quả; chỉ nạp một lần. Nên xóa bản lặp.",
        "Commune “{name}” is written twice (criteria {criteria}): at {first} and at {second}, with the same results; loaded once. Remove the repeat.",
    ),
    "import.total_row_mismatch": (
        "Dòng tổng ghi {stated} xã đạt tiêu chí {criterion}, nhưng đếm các dòng phía trên được {counted}. Kiểm tra lại dòng tổng (dòng này không được nạp).",
        "The total row states {stated} {stated|commune|communes} meet criterion {criterion}, but the rows above count {counted}. Check the total row (it is not loaded).",
    ),
    "import.more_findings": (
        "… và {count} lỗi/cảnh báo khác cùng loại. Sửa các lỗi trên rồi tải lại để xem tiếp.",
        "… and {count} more {count|finding|findings}. Fix the ones above and upload again to see the rest.",
    ),
    "import.form_no_commune": (
        "Phiếu tự đánh giá không ghi tên xã. Ghi “Xã …, huyện …” ở tiêu đề hoặc đặt tên trang là tên xã.",
        "The self-assessment form does not name its commune. Write “Xã …, huyện …” in its title or name the sheet after the commune.",
    ),
    "layout.unclear": (
        "Chưa chắc cách đọc trang này nên chưa nạp: {reasons}. Đã hiểu: {understood} Hãy sửa tiêu đề cột theo biểu mẫu (mục 1) hoặc chọn đơn vị, kỳ khi tải lên.",
        "Not sure how to read this sheet, so nothing was loaded: {reasons}. Understood: {understood} Make the column headers follow the template (section 1), or choose the unit and period when uploading.",
    ),
    "layout.understood": (
        "{family}, tiêu đề ở dòng {header}, tên xã từ ô {communes}, {criteria} tiêu chí ở ô {first}…{last} (độ tin cậy {confidence}).",
        "{family}, header in rows {header}, communes from {communes}, {criteria} {criteria|criterion|criteria} in {first}…{last} (confidence {confidence}).",
    ),
    "layout.reason.confidence": ("bằng chứng còn yếu", "the evidence is weak"),
    "layout.reason.margin": (
        "có cách đọc khác gần ngang bằng ({other}, tiêu đề ở dòng {rows})",
        "another reading is nearly as good ({other}, header in rows {rows})",
    ),
    "layout.reason.margin_none": ("có cách đọc khác gần ngang bằng", "another reading is nearly as good"),
    "layout.reason.communes": (
        "chỉ {communes} tên ở cột tên xã khớp với các xã của đơn vị",
        "only {communes} of the names in the commune column match the unit's communes",
    ),
    "layout.family.communes-as-rows": ("Bảng mỗi xã một dòng", "Communes as rows"),
    "layout.family.criteria-as-rows": (
        "Bảng mỗi tiêu chí một dòng, mỗi xã một cột",
        "Criteria as rows, communes as columns",
    ),
    "layout.family.form": ("Phiếu tự đánh giá của xã", "A commune's self-assessment form"),
    "layout.family.long": ("Bảng dài (mỗi dòng một xã × tiêu chí)", "Long table (a row per commune × criterion)"),
    "layout.family.template": ("Biểu mẫu của hệ thống", "Our upload template"),
}
