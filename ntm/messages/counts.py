"""Everything the reports count beyond the commune criteria: villages, advanced and model levels,
rankings, resources, works and activities (issue 16)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # village list
    "village_list.no_table": (
        "Không tìm thấy bảng danh sách thôn: cần một dòng tiêu đề có cột “Tên thôn, bản” và cột “Xã”. Dùng mẫu tải ở trang “Thôn, bản”.",
        "No village table found: a header row needs a “Tên thôn, bản” (village) column and a “Xã” (commune) column. Use the template from the “Villages” page.",
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
    # resources, works and activities
    "resources.over": ("trên {value}", "over {value}"),
    "resources.s_money": (
        "Tổng nguồn lực huy động được {total} tỷ đồng ({parts}).",
        "Resources mobilised: {total} billion VND in all ({parts}).",
    ),
    "resources.s_people": ("Người dân {parts}.", "The people {parts}."),
    "resources.s_works": ("Xây mới, cải tạo nâng cấp {parts}.", "Built or upgraded: {parts}."),
    "resources.s_propaganda": ("Công tác tuyên truyền: {parts}.", "Propaganda: {parts}."),
    "resources.s_ocop": (
        "{total} sản phẩm được công nhận sản phẩm OCOP ({parts}).",
        "{total} products recognised as OCOP products ({parts}).",
    ),
    "resources.no_unit": (
        "Tệp không ghi đơn vị báo cáo. Chọn huyện (xã) khi tải lên, hoặc dùng mẫu tải từ trang “Nguồn lực”.",
        "The file does not say which unit it reports on. Choose the district (commune) when uploading, or use the template from the “Resources” page.",
    ),
    "resources.no_period": (
        "Dòng này không có kỳ báo cáo. Ghi cột “Kỳ” (3/2023, Quý I/2023 hoặc 2023) hoặc chọn kỳ khi tải lên.",
        "This row has no period. Fill in the “Kỳ” column (3/2023, Quý I/2023 or 2023) or choose the period when uploading.",
    ),
    "resources.bad_period": (
        "Kỳ “{text}” không đọc được. Ghi tháng (3/2023), quý (Quý I/2023) hoặc năm (2023).",
        "Period “{text}” cannot be read. Write a month (3/2023), a quarter (Quý I/2023) or a year (2023).",
    ),
    "resources.no_table": (
        "Không tìm thấy bảng số liệu: cần dòng tiêu đề có cột “Mã chỉ tiêu” (hoặc “Chỉ tiêu”) và “Giá trị”. Dùng mẫu tải từ trang “Nguồn lực”.",
        "No table found: a header row needs “Mã chỉ tiêu” (or “Chỉ tiêu”) and “Giá trị” columns. Use the template from the “Resources” page.",
    ),
    "resources.empty": (
        "Bảng chưa có giá trị nào. Điền cột “Giá trị” rồi tải lên lại.",
        "The table has no values. Fill in the “Giá trị” column and upload again.",
    ),
    "resources.unknown": (
        "Chỉ tiêu “{code}” không có trong danh mục. Dùng mã ở cột “Mã chỉ tiêu” của mẫu.",
        "Quantity “{code}” is not in the catalogue. Use a code from the template's “Mã chỉ tiêu” column.",
    ),
    "resources.bad_uom": (
        "Đơn vị tính “{stated}” không dùng được cho “{name}” (cần {unit}). Đổi về {unit} hoặc ghi đúng đơn vị tính.",
        "Unit “{stated}” cannot be used for “{name}” (needs {unit}). Convert to {unit} or write the right unit.",
    ),
    "resources.unit": (
        "Không xác định được đơn vị: {detail} Ghi tên xã trong huyện, hoặc để trống cho cả huyện.",
        "The unit is not recognised: {detail} Write a commune of the district, or leave it blank for the district.",
    ),
    "resources.district_only": (
        "“{name}” báo cáo cho cả huyện, không theo xã. Để trống cột “Đơn vị” hoặc ghi tên huyện.",
        "“{name}” is reported for the whole district, not per commune. Leave “Đơn vị” blank or write the district.",
    ),
    "resources.bad_number": (
        "“{value}” không phải số không âm. Ghi số (60.533 hoặc 2,1), không ghi chữ.",
        "“{value}” is not a non-negative number. Write a number (60.533 or 2,1), no words.",
    ),
    "resources.repeated": (
        "“{name}” của đơn vị này đã có giá trị cho cùng kỳ ở dòng {first}. Giữ một dòng.",
        "“{name}” of this unit already has a value for the same months on row {first}. Keep one row.",
    ),
    "resources.plan_differs": (
        "Kế hoạch năm của “{name}” khác với dòng {first}. Ghi cùng một kế hoạch năm.",
        "The year's plan of “{name}” differs from row {first}. Write one plan for the year.",
    ),
    "resources.overlap": (
        "“{name}” sẽ bị tính hai lần: {unit} đã có số liệu {months} tháng đến {period} trùng các tháng này. Báo cáo theo cùng một kỳ (tháng hoặc quý), hoặc theo xã hoặc cả huyện, không cả hai.",
        "“{name}” would be counted twice: {unit} already has {months}-month figures to {period} covering these months. Report over the same span (month or quarter), and per commune or for the district, not both.",
    ),
    # command line
    "cli.resources_usage": (
        'Cần --unit và --period, ví dụ: python -m ntm resources --unit "Văn Quan" --period 2023-06',
        'Needs --unit and --period, e.g. python -m ntm resources --unit "Văn Quan" --period 2023-06',
    ),
    "cli.resources_title": (
        "Nguồn lực, công trình, hoạt động – {unit} – {period}",
        "Resources, works, activities – {unit} – {period}",
    ),
    "cli.resources_none": (
        "{unit} chưa có số liệu nguồn lực. Tải lên bằng: python -m ntm resources import TỆP.xlsx --unit …",
        "{unit} has no resource figures yet. Load some with: python -m ntm resources import FILE.xlsx --unit …",
    ),
    "cli.resources_loaded": (
        "Đã nạp {rows} giá trị và {plans} kế hoạch năm (lần tải {upload_id}).",
        "Loaded {rows} values and {plans} yearly plans (upload {upload_id}).",
    ),
    "cli.resources_dry": (
        "Tệp hợp lệ: {rows} giá trị, {plans} kế hoạch năm. Chưa ghi gì (--dry-run).",
        "The file is valid: {rows} values, {plans} yearly plans. Nothing written (--dry-run).",
    ),
    "cli.villages_loaded": (
        "Đã thêm {added} thôn, cập nhật {updated} thôn.",
        "Added {added} villages, updated {updated}.",
    ),
    "col.quantity": ("Chỉ tiêu", "Quantity"),
    "col.uom": ("Đơn vị tính", "Unit"),
    "col.period_value": ("Trong kỳ", "In the period"),
    "col.cumulative": ("Lũy kế từ đầu năm", "Year to date"),
    "col.to_date": ("Lũy kế đến nay", "To date"),
    "col.plan": ("Kế hoạch năm", "Year's plan"),
    "col.plan_share": ("% kế hoạch", "% of plan"),
    "col.village": ("Thôn, bản", "Village"),
    "col.villages": ("Số thôn", "Villages"),
    "col.reporting": ("Có báo cáo", "Reporting"),
    "col.village_average": ("Bình quân tiêu chí/thôn", "Avg. criteria/village"),
    "col.at_standard": ("Đạt chuẩn NTM", "At NTM standard"),
    "col.model": ("Kiểu mẫu", "Model"),
    "col.share": ("Tỷ lệ đạt chuẩn", "Share at standard"),
    "app.building_step.counts": (
        "Đang nạp thôn, bản, kết quả nâng cao, kiểu mẫu và nguồn lực mẫu…",
        "Loading sample villages, advanced and model results, and resources…",
    ),
}
