"""The Villages page and the village lists behind it (``ntm.village_list``, ``ntm.villages``): loading a
list, village rows in an assessment upload, the page's figures and goals."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the village list (ntm.village_list)
    "village_list.no_table": (
        "Không tìm thấy bảng danh sách thôn: cần một dòng tiêu đề có cột “Tên thôn, bản” và cột “Xã”. Dùng mẫu tải ở trang “Thôn, bản”.",
        "No village table found: a header row needs a “Tên thôn, bản” (village) column and a “Xã” (commune) column. Use the template from the “Villages” page.",
    ),
    "village_list.no_unit": (
        "Không biết danh sách thuộc tỉnh, huyện nào. Chọn đơn vị khi tải lên (--unit).",
        "The list does not say which province or district it belongs to. Choose the unit when uploading (--unit).",
    ),
    "village_list.empty": (
        "Bảng danh sách thôn không có dòng nào. Điền tên thôn và xã rồi tải lên lại.",
        "The village table has no rows. Fill in village and commune names and upload again.",
    ),
    "village_list.no_name": (
        "Thiếu tên thôn. Điền tên thôn, bản hoặc xóa dòng này.",
        "The village name is missing. Fill it in or delete the row.",
    ),
    "village_list.no_commune": (
        "Thôn “{name}” chưa ghi xã. Điền tên xã mà thôn thuộc về.",
        "Village “{name}” has no commune. Fill in the commune it belongs to.",
    ),
    "village_list.too_long": (
        "Tên thôn dài quá {limit} ký tự. Kiểm tra lại ô này (có thể đã dán nhầm cả đoạn văn bản).",
        "The village name is longer than {limit} characters. Check the cell (a whole paragraph may have been pasted).",
    ),
    "village_list.district": ("Không xác định được huyện: {detail}", "The district is not recognised: {detail}"),
    "village_list.commune": (
        "Không xác định được xã: {detail} Sửa tên xã cho đúng danh mục hoặc ghi mã xã.",
        "The commune is not recognised: {detail} Correct the commune name or write its code.",
    ),
    "village_list.commune_again": (
        "Xã “{name}” không xác định được (xem lỗi ở dòng trên cùng tên xã).",
        "Commune “{name}” is not recognised (see the error on the first row with this commune).",
    ),
    "village_list.bad_kind": (
        "Loại “{value}” không hợp lệ. Ghi một trong: {kinds}.",
        "Kind “{value}” is not valid. Write one of: {kinds}.",
    ),
    "village_list.duplicate": (
        "Thôn “{name}” của xã {commune} đã có ở dòng {first}. Xóa dòng lặp lại.",
        "Village “{name}” of {commune} is already on row {first}. Delete the repeated row.",
    ),
    "village_list.duplicate_code": (
        "Mã thôn {code} đã dùng ở dòng {first}. Mỗi thôn một mã riêng.",
        "Village code {code} is already used on row {first}. Each village needs its own code.",
    ),
    "village_list.exists": (
        "Xã {commune} đã có thôn “{name}”. Kiểm tra danh sách bên dưới trước khi thêm.",
        "{commune} already has a village “{name}”. Check the list below before adding.",
    ),
    "village_list.code_exists": (
        "Mã thôn {code} đã có. Dùng mã khác hoặc để trống.",
        "Village code {code} already exists. Use another code or leave it blank.",
    ),
    # village rows in an assessment upload
    "village.none_listed": (
        "{unit} chưa có danh sách thôn, bản. Tải danh sách thôn ở trang “Thôn, bản” trước khi tải kết quả đánh giá thôn.",
        "{unit} has no village list yet. Upload the village list on the “Villages” page before village results.",
    ),
    "village.unknown": (
        "Không có thôn “{name}” trong danh sách thôn của {unit}. Sửa tên cho đúng danh sách hoặc bổ sung thôn ở trang “Thôn, bản”.",
        "There is no village “{name}” in the village list of {unit}. Correct the name or add the village on the “Villages” page.",
    ),
    "village.unknown_code": (
        "Không có thôn mã {code} trong {unit}. Kiểm tra mã hoặc ghi tên thôn.",
        "No village with code {code} in {unit}. Check the code or write the village name.",
    ),
    "village.ambiguous": (
        "Tên thôn “{name}” trùng ở nhiều nơi: {candidates}. Ghi dòng “Xã …” phía trên các thôn của từng xã, hoặc ghi mã thôn.",
        "Village name “{name}” matches several villages: {candidates}. Put a “Xã …” row above each commune's villages, or write village codes.",
    ),
    # command line
    "cli.villages_loaded": (
        "Đã thêm {added} thôn, cập nhật {updated} thôn.",
        "Added {added} {added|village|villages}, updated {updated}.",
    ),
    # table columns
    "col.village": ("Thôn, bản", "Village"),
    "col.villages": ("Số thôn", "Villages"),
    "col.reporting": ("Có báo cáo", "Reporting"),
    "col.village_average": ("Bình quân tiêu chí/thôn", "Avg. criteria/village"),
    "col.at_standard": ("Đạt chuẩn NTM", "At NTM standard"),
    "col.model": ("Kiểu mẫu", "Model"),
    "col.share": ("Tỷ lệ đạt chuẩn", "Share at standard"),
    # the Villages page and its chart
    "villages.bar_model": ("Kiểu mẫu", "Model"),
    "villages.bar_standard_only": ("Đạt chuẩn NTM", "At NTM standard"),
    "villages.bar_not_yet": ("Chưa đạt", "Not yet"),
    "villages.axis": ("Số thôn, bản", "Villages"),
    "villages.title": ("Thôn, bản – {unit} – {period}", "Villages – {unit} – {period}"),
    "villages.no_list": (
        "{unit} chưa có danh sách thôn, bản. Tải danh sách (mẫu ở dưới) hoặc thêm từng thôn ở phần “Danh sách thôn, bản”.",
        "{unit} has no village list yet. Upload one (template below) or add villages one by one under “Village list”.",
    ),
    "villages.no_reports": (
        "Các thôn của {unit} chưa có báo cáo theo bộ {set_id} trong {period}. Tải kết quả thôn ở trang “Tải dữ liệu” (chọn bộ tiêu chí thôn), hoặc chọn kỳ khác.",
        "The villages of {unit} have no reports against {set_id} in {period}. Upload village results on the “Upload” page (choose the village set), or choose another period.",
    ),
    "villages.kpi_reporting": ("{n} thôn có báo cáo trong kỳ.", "{n} {n|village|villages} reported in the period."),
    "villages.kpi_average_help": (
        "Bình quân số tiêu chí đạt (trên {n}, bộ {set_id}) của các thôn có báo cáo.",
        "Average criteria met (of {n}, set {set_id}) over the villages that reported.",
    ),
    "villages.sentence": (
        "Bình quân {unit} đạt **{average} tiêu chí NTM/thôn**; **{at_standard}/{villages} thôn, bản đạt chuẩn NTM (đạt {share})**; {model} thôn đạt chuẩn khu dân cư kiểu mẫu.",
        "{unit} averages **{average} NTM criteria per village**; **{at_standard} of {villages} {villages|village|villages} at NTM standard ({share})**; {model} model residential areas.",
    ),
    "villages.rule": (
        "Lớp số liệu: {layer}; mỗi thôn tính theo báo cáo mới nhất trong kỳ. Tỷ lệ tính trên tất cả thôn trong danh sách; thôn đạt khu dân cư kiểu mẫu được tính cả là đạt chuẩn NTM.",
        "Data layer: {layer}; each village counts with its latest report of the period. Shares are over every listed village; a model residential area also counts at NTM standard.",
    ),
    "villages.chart_title": (
        "Thôn, bản đạt chuẩn theo xã – {period}",
        "Villages at standard by commune – {period}",
    ),
    "villages.goals_title": ("Mục tiêu thôn, bản năm {year}", "Village goals for {year}"),
    "villages.goal_line": (
        "{goal}: mục tiêu {value}, hiện đạt {current} – **{status}** (kế hoạch: {plan})",
        "{goal}: goal {value}, now {current} – **{status}** (plan: {plan})",
    ),
    "villages.goal.villages_at_standard": ("Số thôn đạt chuẩn NTM", "Villages at NTM standard"),
    "villages.goal.villages_model": ("Số thôn đạt khu dân cư kiểu mẫu", "Model residential areas"),
    "villages.goal.share_at_standard": ("Tỷ lệ thôn đạt chuẩn (%)", "Share of villages at standard (%)"),
    "villages.goal.average_met": ("Bình quân tiêu chí/thôn", "Average criteria per village"),
    "villages.detail_title": ("Kết quả từng thôn, bản", "Each village's result"),
    "villages.list_header": ("Danh sách thôn, bản", "Village list"),
    "villages.list_help": (
        "Danh sách thôn do tỉnh quản lý (không có trong danh mục quốc gia): cột “Tên thôn, bản”, “Xã”, tùy chọn “Mã thôn”, “Loại”. Thôn đã có (cùng xã, cùng tên) được cập nhật, không tạo trùng.",
        "The province keeps its village list (villages are not in the national catalogue): columns “Tên thôn, bản”, “Xã”, optionally “Mã thôn”, “Loại”. A village already listed (same commune and name) is updated, not duplicated.",
    ),
    "villages.template": ("Tải mẫu danh sách thôn", "Download the village list template"),
    "villages.upload": ("Tệp danh sách thôn (.xlsx)", "Village list file (.xlsx)"),
    "villages.upload_go": ("Kiểm tra và nạp danh sách", "Check and load the list"),
    "villages.loaded": (
        "Đã thêm {added} thôn, cập nhật {updated} thôn.",
        "Added {added} {added|village|villages}, updated {updated}.",
    ),
    "villages.rejected": (
        "Danh sách chưa được nạp (không ghi gì). Sửa các ô sau rồi tải lên lại:",
        "The list was not loaded (nothing written). Fix these cells and upload again:",
    ),
    "villages.add_title": ("Thêm một thôn, bản ({unit})", "Add one village ({unit})"),
    "villages.code": ("Mã thôn (không bắt buộc)", "Village code (optional)"),
    "villages.add": ("Thêm thôn", "Add village"),
    "villages.added": ("Đã thêm thôn “{name}”.", "Added village “{name}”."),
    "villages.sets_note": ("Bộ tiêu chí thôn đang áp dụng: {sets}.", "Village criteria sets in force: {sets}."),
    # reverting
    "store.revert_village_list": (
        "Lần tải {upload_id} là danh sách thôn, không hoàn tác được: hãy sửa danh sách thôn và tải lại.",
        "Upload {upload_id} is a village list, which is not reverted: edit the village list and upload it again.",
    ),
}
