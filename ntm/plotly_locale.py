"""The plotly.js configuration every chart is drawn with: the toolbar reduced to "download as PNG" (the image
carries the chart's Vietnamese title), its tooltip and the date and number formats in the user's language.

plotly.js takes a locale with the figure (``config.locales``), so no script has to be registered globally.
"""

from __future__ import annotations

from ntm.i18n import t

_REMOVE = [
    "zoom2d", "pan2d", "select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "resetScale2d",
    "hoverClosestCartesian", "hoverCompareCartesian", "toggleSpikelines", "zoomGeo", "panGeo", "resetGeo",
    "hoverClosestGeo", "resetViews",
]  # fmt: skip
_VI_FORMAT = {
    "days": ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"],
    "shortDays": ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
    "months": [f"tháng {m}" for m in range(1, 13)],
    "shortMonths": [f"th{m}" for m in range(1, 13)],
    "date": "%d/%m/%Y",
    "decimal": ",",
    "thousands": ".",
}


def config(lang: str, file_name: str) -> dict:
    """``st.plotly_chart(config=...)``: PNG download named ``file_name``.png at twice the screen resolution."""
    result = {
        "displaylogo": False,
        "modeBarButtonsToRemove": _REMOVE,
        "toImageButtonOptions": {"format": "png", "filename": file_name, "scale": 2},
        "scrollZoom": False,
    }
    if lang != "en":
        result["locale"] = "vi"
        result["locales"] = {
            "vi": {
                "dictionary": {
                    "Download plot as a png": t("chart.download_png", lang),
                    "Download plot as a PNG": t("chart.download_png", lang),  # plotly.js 3 spells it so
                    "Download plot": t("chart.download_png", lang),
                    "Double-click to zoom back out": t("chart.double_click", lang),
                    "Click to enter Colorscale title": "",
                    "Click to enter Plot title": "",
                },
                "format": _VI_FORMAT,
            }
        }
    return result
