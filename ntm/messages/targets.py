"""Targets, unit goals, progress status (ntm.targets, ntm.progress) and the Targets page."""

MESSAGES: dict[str, tuple[str, str]] = {
    "progress.achieved": ("Đã đạt", "Achieved"),
    "progress.on_track": ("Đúng tiến độ", "On track"),
    "progress.needs_acceleration": ("Cần đẩy nhanh", "Needs acceleration"),
    "progress.limited": ("Tiến độ chậm", "Limited progress"),
    "progress.regressing": ("Đang giảm", "Regressing"),
    "progress.overdue": ("Quá hạn, chưa đạt", "Overdue, not reached"),
    "progress.no_data": ("Chưa đủ số liệu", "Not enough data"),
    "goal.average_met": ("Bình quân tiêu chí/xã", "Average criteria per commune"),
    "goal.communes_at_standard": ("Số xã đạt chuẩn", "Communes at standard"),
    "goal.share_at_standard": ("Tỷ lệ xã đạt chuẩn (%)", "Share of communes at standard (%)"),
    "targets.unit": ("{detail}", "{detail}"),
    "targets.no_commune": (
        "Dòng này không có mã xã hoặc tên xã. Điền một trong hai rồi tải lại.",
        "This row has no commune code or name. Fill in one of them and upload again.",
    ),
    "targets.not_commune": (
        "“{name}” không phải là một xã. Ghi tên hoặc mã của xã.",
        "“{name}” is not a commune. Write the commune's name or code.",
    ),
    "targets.bad_level": (
        "Mức “{value}” không hợp lệ. Ghi: NTM, NTM nâng cao hoặc NTM kiểu mẫu.",
        "Level “{value}” is not valid. Write NTM, NTM nâng cao or NTM kiểu mẫu.",
    ),
    "targets.bad_month": (
        "Thời hạn “{value}” không đọc được. Ghi tháng/năm (11/2024) hoặc năm (2025).",
        "Deadline “{value}” cannot be read. Write month/year (11/2024) or a year (2025).",
    ),
    "targets.duplicate": (
        "Xã này đã có mục tiêu cùng mức ở dòng {first}. Chỉ giữ một dòng.",
        "This commune already has a target at this level in row {first}. Keep one row.",
    ),
    "targets.bad_year": (
        "Năm “{value}” không hợp lệ. Ghi năm bằng 4 chữ số (2025).",
        "Year “{value}” is not valid. Write a 4-digit year (2025).",
    ),
    "targets.bad_metric": (
        "Chỉ tiêu “{value}” không hợp lệ. Ghi: Bình quân tiêu chí/xã, Số xã đạt chuẩn hoặc Tỷ lệ xã đạt chuẩn (%).",
        "Goal “{value}” is not valid. Write Bình quân tiêu chí/xã, Số xã đạt chuẩn or Tỷ lệ xã đạt chuẩn (%).",
    ),
    "targets.bad_value": (
        "Giá trị “{value}” không phải là số. Ghi số, ví dụ 15,5.",
        "Value “{value}” is not a number. Write a number, e.g. 15.5.",
    ),
    "targets.bad_date": (
        "Ngày quyết định “{value}” không đọc được. Ghi ngày/tháng/năm (20/12/2024).",
        "Decision date “{value}” cannot be read. Write day/month/year (20/12/2024).",
    ),
    "targets.no_decision": (
        "Thiếu số quyết định công nhận. Ghi số quyết định (ví dụ 2150/QĐ-UBND).",
        "The recognition decision number is missing. Write it (e.g. 2150/QĐ-UBND).",
    ),
    "targets.no_table": (
        "Không tìm thấy bảng mục tiêu. Trang tính cần các cột: Tên xã (hoặc Mã xã), Mức, Thời hạn, Kế hoạch — hoặc Đơn vị, Năm, Chỉ tiêu, Giá trị.",
        "No targets table found. A sheet needs the columns Tên xã (or Mã xã), Mức, Thời hạn, Kế hoạch — or Đơn vị, Năm, Chỉ tiêu, Giá trị.",
    ),
    "targets.year": ("Năm đến hạn", "Year due"),
    "targets.title": ("Mục tiêu năm {year} — {unit}", "Targets for {year} — {unit}"),
    "targets.caption": (
        "Số liệu đến {as_of}, lớp {layer}. Tình trạng theo phương pháp Open SDG: tốc độ thực tế so với tốc độ cần thiết.",
        "Data up to {as_of}, {layer} layer. Status by the Open SDG method: observed pace against the pace needed.",
    ),
    "targets.tab_progress": ("Tiến độ mục tiêu", "Progress to targets"),
    "targets.tab_last_mile": ("Về đích (thiếu 1-2 tiêu chí)", "Last mile (1-2 missing)"),
    "targets.tab_regressions": ("Tiêu chí bị mất", "Criteria lost"),
    "targets.tab_completeness": ("Báo cáo đúng hạn", "Reporting completeness"),
    "targets.tab_edit": ("Nhập mục tiêu", "Enter targets"),
    "targets.none": (
        "Chưa có mục tiêu nào đến hạn năm {year} cho {unit}. Nhập ở thẻ “Nhập mục tiêu” hoặc tải lên tệp kế hoạch.",
        "No targets due in {year} for {unit}. Enter them in the “Enter targets” tab or upload a plan workbook.",
    ),
    "targets.chart_title": (
        "Xã phấn đấu đạt chuẩn năm {year}: số tiêu chí đạt (đến {as_of})",
        "Target communes for {year}: criteria met (up to {as_of})",
    ),
    "targets.plan": ("Kế hoạch", "Plan"),
    "targets.note": ("Ghi chú", "Note"),
    "targets.indicators": ("Chỉ tiêu", "Indicators"),
    "targets.gaps_title": (
        "Tiêu chí còn thiếu và sở, ngành phụ trách",
        "Criteria still missing and the departments in charge",
    ),
    "targets.recognised": (
        "Xã {name} đã được công nhận: quyết định {decision} ngày {date}.",
        "{name} was recognised: decision {decision} of {date}.",
    ),
    "targets.self_achieved": (
        "Xã {name} tự đánh giá đạt đủ tiêu chí; chưa có quyết định công nhận. Đề nghị thẩm định.",
        "{name} self-assesses every criterion as met; no recognition decision yet. Request the appraisal.",
    ),
    "targets.goals_title": ("Chỉ tiêu của {unit}", "Goals of {unit}"),
    "targets.goal": ("Chỉ tiêu", "Goal"),
    "targets.goal_value": ("Mục tiêu", "Target"),
    "targets.goal_current": ("Hiện tại", "Now"),
    "targets.no_last_mile": (
        "Không có xã nào ở {unit} chỉ còn thiếu 1-2 tiêu chí ({period}).",
        "No commune in {unit} is missing only 1-2 criteria ({period}).",
    ),
    "targets.last_mile_title": (
        "{count} xã chỉ còn thiếu 1-2 tiêu chí ({unit}, {period}): tiêu chí hay thiếu nhất",
        "{count} {count|commune|communes} missing only 1-2 criteria ({unit}, {period}): the criteria most often missing",
    ),
    "targets.no_regressions": (
        "Không xã nào ở {unit} mất tiêu chí so với báo cáo trước ({period}).",
        "No commune in {unit} lost a criterion since its previous report ({period}).",
    ),
    "targets.regressions_found": (
        "{count} xã bị mất tiêu chí đã đạt so với báo cáo trước. Đề nghị xã và sở, ngành phụ trách kiểm tra.",
        "{count} {count|commune|communes} lost criteria they had met in their previous report. Ask them and the departments in charge to check.",
    ),
    "targets.previous": ("Báo cáo trước", "Previous report"),
    "targets.latest": ("Báo cáo mới nhất", "Latest report"),
    "targets.completeness_title": ("Tình hình báo cáo tháng {period} — {unit}", "Reporting for {period} — {unit}"),
    "targets.completeness_rule": (
        "Báo cáo tháng phải gửi trước hết ngày 5 tháng sau; số liệu cũ nhập bổ sung không tính là muộn.",
        "A month's report is due by the end of the 5th of the next month; backfilled old reports are not late.",
    ),
    "targets.expected": ("Số xã", "Communes"),
    "targets.reported": ("Đã báo cáo", "Reported"),
    "targets.missing": ("Chưa báo cáo", "Missing"),
    "targets.late": ("Báo cáo muộn", "Late"),
    "targets.missing_names": ("Xã chưa báo cáo", "Communes missing"),
    "targets.late_names": ("Xã báo cáo muộn", "Communes late"),
    "targets.share": ("Tỷ lệ đã báo cáo", "Share reported"),
    "targets.edit_help": (
        "Mục tiêu của các xã thuộc {unit}. Sửa, thêm hoặc xoá dòng rồi bấm “Lưu mục tiêu”; thời hạn ghi tháng/năm (11/2024) hoặc năm (2025). Bản cũ được giữ trong lịch sử.",
        "Targets of the communes in {unit}. Edit, add or delete rows, then press “Save targets”; write the deadline as month/year (11/2024) or a year (2025). Old versions are kept in the history.",
    ),
    "targets.deadline_help": ("Tháng/năm (11/2024) hoặc năm (2025)", "Month/year (11/2024) or a year (2025)"),
    "targets.save": ("Lưu mục tiêu", "Save targets"),
    "targets.save_rejected": (
        "Chưa lưu: sửa các dòng dưới đây rồi bấm “Lưu mục tiêu” lại.",
        "Not saved: fix the rows below and press “Save targets” again.",
    ),
    "targets.row": ("Dòng", "Row"),
    "targets.saved": (
        "Đã lưu: thêm {added}, thay {superseded}, giữ nguyên {unchanged}.",
        "Saved: {added} added, {superseded} replaced, {unchanged} unchanged.",
    ),
    "targets.plan_upload": (
        "Hoặc tải lên tệp kế hoạch (.xlsx): các cột Tên xã, Huyện, Mức, Thời hạn, Kế hoạch",
        "Or upload a plan workbook (.xlsx): columns Tên xã, Huyện, Mức, Thời hạn, Kế hoạch",
    ),
    "targets.plan_load": ("Nạp kế hoạch", "Load the plan"),
    "targets.plan_rejected": (
        "Tệp kế hoạch chưa được nạp, không có gì thay đổi. Sửa các ô dưới đây rồi tải lại.",
        "The plan was not loaded and nothing changed. Fix the cells below and upload it again.",
    ),
    "targets.history": ("Lịch sử mục tiêu", "Target history"),
    "targets.entered_at": ("Thời điểm nhập", "Entered at"),
    "targets.entered_by": ("Người nhập", "Entered by"),
    "targets.source": ("Nguồn", "Source"),
    "targets.superseded_at": ("Bị thay lúc", "Replaced at"),
}
