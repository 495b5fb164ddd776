"""What every corpus builder shares: the communes of Văn Quan (Lạng Sơn), reproducible statuses, the
expected figures computed from them, how results are written, and saving a workbook."""

from __future__ import annotations

import io
import random

from ntm import catalog

COMMUNES = [
    ("06256", "Trấn Ninh"),
    ("06268", "Liên Hội"),
    ("06274", "Hòa Bình"),
    ("06277", "Tú Xuyên"),
    ("06280", "Điềm He"),
    ("06283", "An Sơn"),
    ("06286", "Khánh Khê"),
    ("06292", "Lương Năng"),
    ("06298", "Bình Phúc"),
    ("06307", "Tân Đoàn"),
    ("06313", "Tri Lễ"),
    ("06316", "Tràng Phái"),
    ("06319", "Yên Phúc"),
    ("06322", "Hữu Lễ"),
]
N = 19
TITLE = "UBND HUYỆN VĂN QUAN"
HEADING = "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI GIAI ĐOẠN 2016-2020"


def truth(seed: int, communes=COMMUNES) -> dict[str, dict[int, str]]:
    """name → criterion → met | basically_met | not_met, reproducibly."""
    rng = random.Random(seed)
    out = {}
    for _, name in communes:
        level = rng.randint(4, 19)
        out[name] = {
            c: "met" if rng.random() < level / 19 else ("basically_met" if rng.random() < 0.15 else "not_met")
            for c in range(1, N + 1)
        }
    return out


def expected(family: str, statuses: dict[str, dict[int, str]], months: int = 1, **extra) -> dict:
    return {
        "family": family,
        "rows": sum(len(v) for v in statuses.values()) * months,
        "communes": len(statuses),
        "met": {name: sum(s == "met" for s in v.values()) for name, v in statuses.items()},
        **extra,
    }


WORDS = {"met": "Đạt", "basically_met": "Cơ bản đạt", "not_met": "Chưa đạt"}
SHORT = {"met": "Đ", "basically_met": "CBĐ", "not_met": "CĐ"}
TICKS = {"met": "✓", "basically_met": "CBĐ", "not_met": "✗"}


def criterion_names(con) -> list[str]:
    return list(catalog.criteria(con, "ntm-2016")["name_vi"])


def xlsx(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
