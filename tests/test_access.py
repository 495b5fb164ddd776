"""Roles and scopes (ntm/access.py): who may do what, where; and when the app needs a sign-in."""

import pytest

from ntm import access, units
from ntm.access import AccessDenied, Principal
from tests.access_helpers import ROOT, account, district
from tests.helpers import commune


def test_roles_allow_their_actions_only(con):
    vq = district(con, "Văn Quan")
    viewer = account(con, "xem", "viewer", vq)
    uploader = account(con, "nhap", "uploader", vq)
    admin = account(con, "qtri", "admin", vq)
    assert access.allowed(viewer, "read") and not access.allowed(viewer, "upload")
    assert all(access.allowed(uploader, a) for a in ("upload", "revert", "targets", "recognitions", "plan"))
    assert not access.allowed(uploader, "users") and access.allowed(admin, "users")
    # the catalogue and restores change everyone's data: an administrator of one district may not
    assert not access.allowed(admin, "catalogue") and access.allowed(ROOT, "catalogue")
    with pytest.raises(AccessDenied) as refused:
        access.require(viewer, "upload", vq)
    assert refused.value.key == "access.denied_role" and "xem" in refused.value.message("vi")


def test_an_uploader_of_van_quan_covers_its_communes_and_nothing_else(con):
    vq, lb = district(con, "Văn Quan"), district(con, "Lộc Bình")
    uploader = account(con, "vq", "uploader", vq)
    assert access.covers(uploader, vq) and access.covers(uploader, commune(con, "Tú Xuyên"))
    assert not access.covers(uploader, lb) and not access.covers(uploader, commune(con, "Khuất Xá", "Lộc Bình"))
    assert not access.covers(uploader, units.get(con, vq.province_id))  # Lạng Sơn as a whole is beyond it
    access.require(uploader, "upload", commune(con, "Tú Xuyên"))
    with pytest.raises(AccessDenied) as refused:
        access.require(uploader, "upload", commune(con, "Khuất Xá", "Lộc Bình"))
    assert refused.value.key == "access.denied_scope"
    assert "Khuất Xá" in refused.value.message("vi") and "Huyện Văn Quan" in refused.value.message("vi")
    ids = [commune(con, "Tú Xuyên").unit_id, commune(con, "Khuất Xá", "Lộc Bình").unit_id]
    assert access.outside(con, uploader, ids) == ["Khuất Xá"]
    with pytest.raises(AccessDenied):
        access.require_units(con, uploader, "upload", ids)
    access.require_units(con, uploader, "upload", ids[:1])


def test_a_list_of_communes_is_a_scope(con):
    two = account(con, "hai-xa", "uploader", commune(con, "Tú Xuyên"), commune(con, "Tri Lễ"))
    assert access.covers(two, commune(con, "Tri Lễ")) and not access.covers(two, commune(con, "Điềm He"))
    assert not access.covers(two, district(con, "Văn Quan"))  # the district's totals include other communes
    assert access.may_open(two, "184") and not access.may_open(two, "185")  # menus lead to the communes


@pytest.mark.parametrize(
    ("address", "oidc", "mode"),
    [
        ("127.0.0.1", False, "local"),
        ("127.0.0.2", True, "local"),
        ("localhost", False, "local"),
        ("::1", False, "local"),
        (None, False, "password"),  # Streamlit's default: every interface
        ("", False, "password"),
        ("0.0.0.0", False, "password"),
        ("192.168.1.20", False, "password"),
        ("0.0.0.0", True, "oidc"),
        ("ntm.example.gov.vn", True, "oidc"),
    ],
)
def test_only_a_loopback_address_runs_without_sign_in(address, oidc, mode):
    assert access.signin_mode(address, oidc) == mode


def test_principal_is_typed_and_frozen():
    who = Principal("a", "viewer", (1,), "X")
    with pytest.raises(AttributeError):
        who.role = "admin"


def test_a_province_scope_covers_its_communes_of_both_eras(con):
    province = access.scope_units(con, "Lạng Sơn")
    assert {u.level for u in province} == {"province"} and len(province) == 2  # before and after 1/7/2025
    who = account(con, "tinh", "viewer", *province)
    assert who.scope_label == "Tỉnh Lạng Sơn"
    new_era = units.resolve(con, "Lạng Sơn/Văn Quan", start=units.NEW_ERA_START)  # Xã Văn Quan, from 2025
    assert access.covers(who, new_era) and access.covers(who, commune(con, "Tú Xuyên"))
    assert [u.level for u in access.scope_units(con, "Lạng Sơn/Văn Quan")] == ["district"]


def test_a_proxied_request_or_a_required_sign_in_is_never_local():
    assert access.signin_mode("127.0.0.1", False, forwarded=True) == "password"
    assert access.signin_mode("127.0.0.1", True, required=True) == "oidc"
    assert access.signin_mode("127.0.0.1", False) == "local"
