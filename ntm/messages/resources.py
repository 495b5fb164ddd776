"""The Resources page and the resources, works and activities behind it (``ntm.resources``): loading
figures, the page, the command line."""

MESSAGES: dict[str, tuple[str, str]] = {
    # figures and report sentences (ntm.resources)
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
    # table columns
    "col.quantity": ("Chỉ tiêu", "Quantity"),
    "col.uom": ("Đơn vị tính", "Unit"),
    "col.period_value": ("Trong kỳ", "In the period"),
    "col.cumulative": ("Lũy kế từ đầu năm", "Year to date"),
    "col.to_date": ("Lũy kế đến nay", "To date"),
    "col.plan": ("Kế hoạch năm", "Year's plan"),
    "col.plan_share": ("% kế hoạch", "% of plan"),
    # the Resources page and its chart
    "resources.axis": ("% kế hoạch năm", "% of the year's plan"),
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
}
