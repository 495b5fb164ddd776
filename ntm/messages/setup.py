"""Setting a database up: ``python -m ntm init`` and the app's first start on a missing database."""

MESSAGES: dict[str, tuple[str, str]] = {
    "init.done": (
        "Cơ sở dữ liệu {path} đã sẵn sàng: {sets} bộ tiêu chí, {units} đơn vị hành chính, chưa có số liệu báo cáo{province}. Tiếp theo: tải tệp báo cáo lên bằng “python -m ntm import TỆP --db {path}” hoặc ở trang “Tải dữ liệu”.",
        "Database {path} is ready: {sets} criteria {sets|set|sets}, {units} administrative {units|unit|units}, no reports yet{province}. Next: load a report with “python -m ntm import FILE --db {path}” or on the “Upload” page.",
    ),
    "init.province": ("; {name}", "; {name}"),
    "init.unknown_province": (
        "Không có tỉnh “{text}”. Ghi tên tỉnh (ví dụ “Lạng Sơn”) hoặc mã tỉnh (ví dụ 20).",
        "No province “{text}”. Write the province's name (e.g. “Lạng Sơn”) or its code (e.g. 20).",
    ),
    "setup.title": ("Bắt đầu với NTM Dashboard", "Getting started with NTM Dashboard"),
    "setup.intro": (
        "Chưa có cơ sở dữ liệu ({path}). Chọn một trong hai cách bắt đầu:",
        "There is no database yet ({path}). Choose how to start:",
    ),
    "setup.choice": ("Cách bắt đầu", "How to start"),
    "setup.demo": (
        "Dữ liệu mẫu tỉnh Lạng Sơn (để xem thử các trang)",
        "Lạng Sơn sample data (to try the pages)",
    ),
    "setup.empty": (
        "Cơ sở dữ liệu trống cho tỉnh của tôi (rồi tải báo cáo lên)",
        "An empty database for my province (then upload reports)",
    ),
    "setup.province": ("Tỉnh, thành phố", "Province"),
    "setup.start": ("Bắt đầu", "Start"),
    "upload.guide_title": ("Bắt đầu: ba bước", "Getting started: three steps"),
    "upload.guide": (
        (
            "1. Tải biểu mẫu của huyện và tháng cần báo cáo (mục 1), hoặc dùng luôn biểu tổng hợp sẵn có của văn phòng: hệ thống tự nhận bố cục bảng (xã theo dòng hoặc theo cột, phiếu tự đánh giá của xã, bảng dài).\n"
            "2. Tải tệp lên (mục 2): tệp được kiểm tra trước, chưa ghi gì; mọi lỗi đều ghi rõ trang, ô và cách sửa.\n"
            "3. Xem lại thay đổi rồi bấm “Xác nhận nạp”. Các trang tổng quan, tiêu chí, so sánh xã sẽ hiển thị số liệu vừa nạp."
        ),
        (
            "1. Download the template for the district and month (section 1), or use the office's own summary workbook: its layout is recognised (communes as rows or columns, a commune's self-assessment form, long tables).\n"
            "2. Upload the file (section 2): it is checked first and nothing is written; every error names the sheet, the cell and the fix.\n"
            "3. Review the changes and press “Confirm and load”. The overview, criteria and comparison pages then show the data."
        ),
    ),
}
