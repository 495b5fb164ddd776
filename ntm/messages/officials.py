"""The dashboard as officials use it (issue 14): the administrative report layout, its letterhead and
signature fields on the Reports page, the report command, search, map, drill-down and print view."""

MESSAGES: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ the report as a document
    "report.doc_title": ("BÁO CÁO", "REPORT"),
    "report.subject": (
        "Kết quả thực hiện {set_name} trên địa bàn {place}, {period}",
        "Results against {set_name} in {place}, {period}",
    ),
    "report.period_month": ("tháng {month}", "{month}"),
    "report.period_year": ("năm {year}", "{year}"),
    "report.set_en.commune": ("", "the national new rural commune criteria {years}"),
    "report.set_en.commune_advanced": ("", "the national advanced new rural commune criteria {years}"),
    "report.set_en.commune_model": ("", "the model new rural commune criteria {years}"),
    "report.set_en.district": ("", "the national new rural district criteria {years}"),
    "report.no_commune": ("không có xã nào", "none"),
    "report.n_communes": ("{count} xã", "{count} {count|commune|communes}"),
    "report.one_commune": ("01 xã", "1 commune"),
    "report.part_result": ("Kết quả thực hiện Bộ tiêu chí", "Results against the criteria"),
    "report.part_counts": ("Thôn, bản, các mức đạt chuẩn và nguồn lực", "Villages, levels and resources"),
    "report.part_outlook": (
        "Tiến độ các xã phấn đấu và biến động so với cùng kỳ",
        "Progress of the target communes and change on the year",
    ),
    "report.col_bin": ("Số tiêu chí đạt", "Criteria met"),
    "report.col_n_communes": ("Số xã", "Communes"),
    "report.col_share": ("Tỷ lệ", "Share"),
    "report.col_no": ("TT", "No."),
    "report.caption_bins": ("Phân loại xã theo số tiêu chí đạt", "Communes by number of criteria met"),
    "report.caption_unmet": (
        "Các tiêu chí chưa đạt, số xã chưa đạt và sở, ngành phụ trách",
        "Unmet criteria, communes not meeting them and the department in charge",
    ),
    "report.table_no": ("Bảng {no}. {caption}", "Table {no}. {caption}"),
    "report.target_overdue": (
        "còn thiếu {count} tiêu chí: {criteria}; đã hết hạn — {status}",
        "{count} {count|criterion|criteria} missing: {criteria}; the deadline has passed — {status}",
    ),
    "report.committee": ("Ủy ban nhân dân\n{kind} {name}", "People's Committee of {name}"),
    "report.committee_short": ("UBND {kind} {name}", "People's Committee of {name}"),
    "report.to_superior": ("UBND {kind} {name} (b/c)", "People's Committee of {name} (for report)"),
    "report.to_office": ("Văn phòng Điều phối nông thôn mới", "New rural development coordination office"),
    "report.to_archive": ("Lưu: VT", "File: Records"),
    "report.authority": ("TM. ỦY BAN NHÂN DÂN", "ON BEHALF OF THE PEOPLE'S COMMITTEE"),
    "report.signer_title": ("CHỦ TỊCH", "CHAIRPERSON"),
    "report.nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "report.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "report.number": ("Số: {number}/BC-UBND", "No.: {number}/BC-UBND"),
    "report.place_date": ("{place}, ngày {day} tháng {month} năm {year}", "{place}, {day} {month} {year}"),
    "report.recipients": ("Nơi nhận:", "Recipients:"),
    "report.sheet": ("Báo cáo", "Report"),
    "report.sheet_table": ("Bảng {no}", "Table {no}"),
    "report.see_table": (
        "(Chi tiết tại Bảng {no}, trang tính “{sheet}”.)",
        "(Details in Table {no}, sheet “{sheet}”.)",
    ),
    # ------------------------------------------------------------ the Reports page fields
    "reports.letterhead": (
        "Thông tin ban hành (tiêu đề, số, ngày, nơi nhận, người ký)",
        "Issuing details (header, number, date, recipients, signer)",
    ),
    "reports.letterhead_help": (
        "Điền số văn bản, ngày ký, nơi nhận và người ký; bản Word và Excel tải về dùng các thông tin này.",
        "Fill in the number, date, recipients and signer; the Word and Excel downloads use them.",
    ),
    "reports.superior": ("Cơ quan chủ quản", "Superior body"),
    "reports.issuer": ("Cơ quan ban hành", "Issuing body"),
    "reports.number": ("Số văn bản (để trống nếu chưa lấy số)", "Number (leave empty until it is assigned)"),
    "reports.place": ("Địa danh", "Place"),
    "reports.issued": ("Ngày ban hành (để trống để điền tay)", "Date of issue (leave empty to write by hand)"),
    "reports.recipients": ("Nơi nhận (mỗi dòng một nơi)", "Recipients (one per line)"),
    "reports.authority": ("Thẩm quyền ký", "Signing authority"),
    "reports.signer_title": ("Chức vụ người ký", "Signer's title"),
    "reports.signer_name": ("Họ và tên người ký", "Signer's name"),
    # ------------------------------------------------------------ the report command
    "cli.report_written": (
        "Đã ghi báo cáo {unit}, {period} vào {path}.",
        "Report for {unit}, {period} written to {path}.",
    ),
    "cli.report_format": (
        "Tệp {path} phải có đuôi .docx hoặc .xlsx. Sửa --out, ví dụ --out bao-cao.docx.",
        "{path} must end in .docx or .xlsx. Fix --out, e.g. --out report.docx.",
    ),
    "cli.report_layer": (
        "Lớp số liệu “{layer}” không có; chọn một trong: {known}.",
        "No layer “{layer}”; choose one of: {known}.",
    ),
    # ------------------------------------------------------------ moving around: search, drill-down, print
    "nav.back": ("Quay lại trang trước", "Back to the previous page"),
    "search.label": ("Tìm xã", "Find a commune"),
    "search.placeholder": ("Gõ tên xã, có dấu hoặc không (tu xuyen)", "Type a name, accents optional (tu xuyen)"),
    "search.none": (
        "Không tìm thấy xã nào có báo cáo khớp với “{text}”. Kiểm tra chính tả hoặc chọn tỉnh khác ở trên.",
        "No commune with reports matches “{text}”. Check the spelling or pick another province above.",
    ),
    "search.hit": ("{name} (huyện {district})", "{name} ({district} district)"),
    "print.open": ("Bản in trang này", "Print view of this page"),
    "print.hint": (
        "Bản in: dùng lệnh In của trình duyệt (Ctrl+P), khổ A4 ngang. Đóng thẻ này để quay lại.",
        "Print view: use the browser's Print command (Ctrl+P), A4 landscape. Close this tab to go back.",
    ),
    "profile.no_history_until": (
        "Xã chưa có báo cáo nào đến hết kỳ {period}. Chọn kỳ muộn hơn ở thanh bên.",
        "The commune has no report up to {period}. Pick a later period in the sidebar.",
    ),
    "layers.part.self": ("xã tự đánh giá {met}", "self-assessed {met}"),
    "layers.part.appraised": ("huyện thẩm định {met}", "appraised by the district {met}"),
    "layers.part.recognised": ("được công nhận {met}", "recognised {met}"),
    "layers.sentence_same": (
        "Tháng {period}: {parts} tiêu chí đạt; các lớp số liệu khớp nhau.",
        "{period}: {parts} {parts|criterion|criteria} met; the layers agree.",
    ),
    "layers.sentence_differ": (
        "Tháng {period}: {parts} tiêu chí đạt; khác nhau ở tiêu chí {criteria}.",
        "{period}: {parts} {parts|criterion|criteria} met; they differ on criteria {criteria}.",
    ),
    "chart.download_png": ("Tải ảnh biểu đồ (PNG, có tiêu đề)", "Download the chart (PNG, with its title)"),
    "chart.double_click": ("Nhấp đúp để thu nhỏ lại", "Double-click to zoom back out"),
    "drill.heatmap_hint": (
        "Nhấp vào một ô để mở hồ sơ của xã đó.",
        "Click a cell to open that commune's profile.",
    ),
    "drill.ranking_hint": (
        "Nhấp vào một thanh để xem tổng quan của huyện đó.",
        "Click a bar to see that district's overview.",
    ),
    "drill.table_hint": (
        "Chọn một dòng để mở hồ sơ của xã.",
        "Select a row to open the commune's profile.",
    ),
    "page.map": ("Bản đồ", "Map"),
    "map.title": ("Bản đồ xã — {unit} — {period}", "Commune map — {unit} — {period}"),
    "map.chart_title": ("Số tiêu chí đạt của từng xã – {unit}, {period}", "Criteria met by commune – {unit}, {period}"),
    "map.hover": (
        "{name} (huyện {district}): {met}/{n} tiêu chí",
        "{name} ({district}): {met}/{n} {n|criterion|criteria}",
    ),
    "map.help": (
        "Mỗi chấm là một xã, đặt theo tọa độ trong danh mục đơn vị hành chính; màu từ đỏ (ít tiêu chí) đến xanh "
        "(đủ tiêu chí). Nhấp vào một xã để mở hồ sơ. Bản đồ không cần mạng Internet (không dùng nền bản đồ). "
        "Số xã chưa có tọa độ: {missing}.",
        "Each dot is a commune at its coordinates in the unit catalogue, from red (few criteria) to green (all). "
        "Click a commune to open its profile. The map needs no internet access (no base tiles). "
        "Communes without coordinates: {missing}.",
    ),
    "map.no_coordinates": (
        "Các xã trong phạm vi này chưa có tọa độ trong danh mục đơn vị hành chính. Chọn huyện hoặc tỉnh khác.",
        "No commune in this scope has coordinates in the unit catalogue. Pick another district or province.",
    ),
    "uploadlog.status.loaded": ("đã nạp", "loaded"),
    "uploadlog.status.reverted": ("đã hoàn tác", "reverted"),
    "uploadlog.source.import": ("tải tệp lên", "file upload"),
    "uploadlog.source.sample": ("dữ liệu mẫu", "sample data"),
    "uploadlog.source.test": ("kiểm thử", "test"),
    # ------------------------------------------------------------ paces with their unit (ntm.pace_words)
    "pace.criteria": ("{value} tiêu chí/tháng", "{value} criteria/month"),
    "pace.communes": ("{value} xã/tháng", "{value} communes/month"),
    "pace.points": ("{value} điểm %/tháng", "{value} percentage points/month"),
    "pace.months_left": ("còn {count} tháng", "{count} {count|month|months} left"),
    "pace.due_now": ("đến hạn tháng này", "due this month"),
    "pace.overdue_by": ("quá hạn {count} tháng", "{count} {count|month|months} overdue"),
    # ------------------------------------------------------------ the status method explained (targets page)
    "targets.method_title": (
        "Tình trạng được tính thế nào? (phương pháp Open SDG)",
        "How is the status worked out? (the Open SDG method)",
    ),
    "targets.method_body": (
        "**Open SDG** là cách các cơ quan thống kê theo dõi các Mục tiêu phát triển bền vững (SDG): "
        "so sánh **tốc độ thực tế** với **tốc độ cần** để đạt mục tiêu đúng hạn.\n\n"
        "- **Tốc độ cần** = phần còn thiếu ÷ số tháng còn lại đến hạn. Ví dụ: còn thiếu 3 tiêu chí, còn 6 tháng "
        "→ cần 0,5 tiêu chí/tháng.\n"
        "- **Tốc độ thực tế** = thay đổi giữa báo cáo mới nhất và báo cáo sớm nhất trong khoảng {lo}-{hi} tháng "
        "trước đó, chia cho số tháng giữa hai báo cáo.\n"
        "- Đơn vị theo chỉ tiêu: xã phấn đấu và bình quân tiêu chí/xã tính bằng tiêu chí/tháng, số xã đạt chuẩn "
        "bằng xã/tháng, tỷ lệ xã đạt chuẩn bằng điểm %/tháng.\n\n"
        "**Các mức tình trạng**\n\n"
        "- **{achieved}**: không còn thiếu gì, hoặc đã có quyết định công nhận.\n"
        "- **{on_track}**: tốc độ thực tế bằng từ {high} tốc độ cần trở lên.\n"
        "- **{needs_acceleration}**: từ {low} đến dưới {high}.\n"
        "- **{limited}**: từ 0 đến dưới {low} (đứng yên cũng là chậm).\n"
        "- **{regressing}**: tốc độ thực tế âm, tức là mất bớt tiêu chí.\n"
        "- **{overdue}**: đã đến tháng hạn mà chưa đạt.\n"
        "- **{no_data}**: chưa có báo cáo theo bộ tiêu chí của mức này, hoặc chưa có báo cáo {lo}-{hi} tháng "
        "trước để tính tốc độ. Đề nghị xã gửi báo cáo đủ các tháng.",
        "**Open SDG** is how statistics offices follow the Sustainable Development Goals (SDGs): the "
        "**observed pace** is compared with the **pace needed** to reach the target on time.\n\n"
        "- **Pace needed** = what is still missing ÷ months left to the deadline. Example: 3 criteria missing, "
        "6 months left → 0.5 criteria/month needed.\n"
        "- **Observed pace** = the change between the latest report and the earliest report {lo}-{hi} {hi|month|months} "
        "before it, divided by the months between them.\n"
        "- Units follow the goal: target communes and average criteria per commune in criteria/month, communes "
        "at standard in communes/month, the share at standard in percentage points/month.\n\n"
        "**The statuses**\n\n"
        "- **{achieved}**: nothing missing, or a recognition decision exists.\n"
        "- **{on_track}**: the observed pace is {high} of the pace needed or more.\n"
        "- **{needs_acceleration}**: from {low} to below {high}.\n"
        "- **{limited}**: from 0 to below {low} (standing still counts as limited).\n"
        "- **{regressing}**: the observed pace is negative: criteria are being lost.\n"
        "- **{overdue}**: the deadline month has come and the target is not reached.\n"
        "- **{no_data}**: no report against this level's criteria yet, or no report {lo}-{hi} {hi|month|months} back to "
        "measure a pace. Ask the commune to send every month's report.",
    ),
    "targets.unmet_help": (
        "Số thứ tự các tiêu chí chưa đạt; tên tiêu chí và sở, ngành phụ trách ở bảng bên dưới.",
        "Numbers of the criteria not met; their names and the departments in charge are in the table below.",
    ),
}
