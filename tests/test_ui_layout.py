"""What a browser says it is, read from its request headers (``ui_layout.screen_of``): the app then draws a chart's
phone variant only for a phone, the wide one only for another screen, both when nothing is said."""

from __future__ import annotations

from ui_layout import screen_of

CHROME_ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
    "Mobile/15E148 Safari/604.1"
)
FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"
CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
CHROME_ANDROID_TABLET = (
    "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)
SAFARI_IPAD = (  # iPadOS asks for desktop pages: its Safari says it is a Mac
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
    "Safari/605.1.15"
)


def test_phone_browsers_say_mobi_in_their_user_agent():
    for agent in (CHROME_ANDROID, SAFARI_IPHONE, FIREFOX_ANDROID):
        assert screen_of({"User-Agent": agent}) == "phone", agent


def test_desktops_and_tablets_get_the_wide_charts():
    for agent in (CHROME_LINUX, CHROME_ANDROID_TABLET, SAFARI_IPAD, "Python/3.11 websockets/15.0"):
        assert screen_of({"User-Agent": agent}) == "wide", agent


def test_the_client_hint_says_phone_whatever_the_user_agent_and_names_are_read_in_any_case():
    assert screen_of({"user-agent": CHROME_LINUX, "sec-ch-ua-mobile": "?1"}) == "phone"
    assert screen_of({"USER-AGENT": CHROME_LINUX, "Sec-CH-UA-Mobile": "?0"}) == "wide"
    assert screen_of({"User-Agent": CHROME_ANDROID, "Sec-CH-UA-Mobile": "?0"}) == "phone"  # either says phone


def test_a_client_that_says_nothing_gets_both_variants():
    assert screen_of({}) == "unknown"
    assert screen_of({"Accept-Language": "vi"}) == "unknown"
