"""Everything the reports count beyond the commune criteria: villages, advanced and model levels,
rankings, resources, works and activities (issue 16)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # village list
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
        "{total} {total|product|products} recognised as OCOP products ({parts}).",
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
        "Loaded {rows} {rows|value|values} and {plans} yearly {plans|plan|plans} (upload {upload_id}).",
    ),
    "cli.resources_dry": (
        "Tệp hợp lệ: {rows} giá trị, {plans} kế hoạch năm. Chưa ghi gì (--dry-run).",
        "The file is valid: {rows} {rows|value|values}, {plans} yearly {plans|plan|plans}. Nothing written (--dry-run).",
    ),
    "cli.villages_loaded": (
        "Đã thêm {added} thôn, cập nhật {updated} thôn.",
        "Added {added} {added|village|villages}, updated {updated}.",
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
    # levels
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
    # villages page bits used by charts
    "villages.bar_model": ("Kiểu mẫu", "Model"),
    "villages.bar_standard_only": ("Đạt chuẩn NTM", "At NTM standard"),
    "villages.bar_not_yet": ("Chưa đạt", "Not yet"),
    "villages.axis": ("Số thôn, bản", "Villages"),
    "resources.axis": ("% kế hoạch năm", "% of the year's plan"),
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
    "resources.title": (
        "Nguồn lực, công trình, hoạt động – {unit} – {period}",
        "Resources, works, activities – {unit} – {period}",
    ),
    "resources.none": (
        "{unit} chưa có số liệu nguồn lực đến {period}. Tải mẫu ở dưới, điền số liệu tháng hoặc quý rồi tải lên.",
        "{unit} has no resource figures up to {period}. Download the template below, fill in monthly or quarterly figures and upload it.",
    ),
    "resources.words_title": (
        "Trích báo cáo (lũy kế từ 1/{year} đến {end})",
        "For the report (year to date, Jan {year} – {end})",
    ),
    "resources.chart_title": ("Thực hiện so với kế hoạch năm {year}", "Done against the {year} plan"),
    "resources.group.money": ("Huy động vốn (tỷ đồng)", "Money mobilised (billion VND)"),
    "resources.group.people": ("Nhân dân đóng góp", "The people's contributions"),
    "resources.group.works": ("Công trình", "Works"),
    "resources.group.propaganda": ("Tuyên truyền", "Propaganda"),
    "resources.group.ocop": ("Sản phẩm OCOP", "OCOP products"),
    "resources.rule": (
        "Trong kỳ: các tháng của kỳ (số liệu quý tính vào tháng cuối quý). Lũy kế từ đầu năm đến hết kỳ; lũy kế đến nay: mọi báo cáo đến hết kỳ. Số của huyện gồm số báo cáo cho huyện và cho các xã.",
        "In the period: its months (a quarter counts in its last month). Year to date from January to the period's end; to date: every report up to the period's end. A district's figure adds its own and its communes'.",
    ),
    "resources.by_unit_title": ("Theo đơn vị báo cáo (lũy kế từ đầu năm)", "By reporting unit (year to date)"),
    "resources.col_unit": ("Đơn vị", "Unit"),
    "resources.upload_header": ("Tải số liệu nguồn lực", "Upload resource figures"),
    "resources.upload_help": (
        "Mỗi dòng một chỉ tiêu của một đơn vị trong một kỳ (tháng 3/2023, quý “Quý I/2023” hoặc năm 2023); cột “Kế hoạch năm” ghi kế hoạch. Tệp được kiểm tra toàn bộ trước khi ghi.",
        "One row per quantity, unit and period (month 3/2023, quarter “Quý I/2023” or year 2023); the “Kế hoạch năm” column holds the year's plan. The whole file is checked before anything is written.",
    ),
    "resources.template": ("Tải mẫu nhập nguồn lực", "Download the resources template"),
    "resources.upload": ("Tệp số liệu nguồn lực (.xlsx)", "Resources file (.xlsx)"),
    "resources.rejected": (
        "Tệp có {count} lỗi, chưa ghi gì. Sửa các ô sau rồi tải lên lại:",
        "The file has {count} {count|error|errors}; nothing was written. Fix these cells and upload again:",
    ),
    "resources.checked": (
        "Tệp hợp lệ: {rows} giá trị, {plans} kế hoạch năm. Bấm “Ghi vào cơ sở dữ liệu” để nạp.",
        "The file is valid: {rows} {rows|value|values}, {plans} yearly {plans|plan|plans}. Press “Write to the database” to load it.",
    ),
    "resources.confirm": ("Ghi vào cơ sở dữ liệu", "Write to the database"),
    "resources.loaded": (
        "Đã nạp {rows} giá trị (lần tải {upload_id}).",
        "Loaded {rows} {rows|value|values} (upload {upload_id}).",
    ),
    "overview.levels_title": ("Ba mức đạt chuẩn: NTM, nâng cao, kiểu mẫu", "Three levels: standard, advanced, model"),
    "overview.rank_standard": (
        "Về số xã đạt chuẩn NTM, {district} đứng thứ {rank}/{of} huyện ({count} xã).",
        "By communes at NTM standard, {district} ranks {rank} of {of} ({count} {count|commune|communes}).",
    ),
    "store.revert_village_list": (
        "Lần tải {upload_id} là danh sách thôn, không hoàn tác được: hãy sửa danh sách thôn và tải lại.",
        "Upload {upload_id} is a village list, which is not reverted: edit the village list and upload it again.",
    ),
}
