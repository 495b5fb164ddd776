"""Built-in accounts (ntm/accounts.py): salted argon2 hashes, sign-in, disabling, who a CLI command runs as."""

import getpass

import pytest

from ntm import accounts
from ntm.access import AccessDenied
from tests.access_helpers import ROOT, account, district


def test_passwords_are_salted_argon2id_hashes(con):
    vq = district(con, "Văn Quan")
    account(con, "an", "viewer", vq, password="cùng-một-mật-khẩu")
    account(con, "binh", "viewer", vq, password="cùng-một-mật-khẩu")
    hashes = [r[0] for r in con.execute("SELECT password_hash FROM users ORDER BY username").fetchall()]
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert hashes[0] != hashes[1]  # a random salt per hash
    assert not any("cùng-một-mật-khẩu" in h for h in hashes)


def test_sign_in_checks_the_password_and_reads_the_scope(con):
    vq = district(con, "Văn Quan")
    account(con, "vq", "uploader", vq, password="mật-khẩu-đúng-1")
    who = accounts.sign_in(con, "vq", "mật-khẩu-đúng-1")
    assert (who.user, who.role, who.scopes, who.scope_label, who.via) == (
        "vq",
        "uploader",
        (vq.unit_id,),
        "Huyện Văn Quan",
        "password",
    )
    assert accounts.sign_in(con, "vq", "mật-khẩu-sai-99") is None
    assert accounts.sign_in(con, "không-có", "mật-khẩu-đúng-1") is None
    accounts.disable(con, ROOT, "vq")
    assert accounts.sign_in(con, "vq", "mật-khẩu-đúng-1") is None
    assert accounts.principal_for(con, "vq", "password") is None


def test_short_passwords_and_grants_beyond_ones_scope_are_refused(con):
    vq, lb = district(con, "Văn Quan"), district(con, "Lộc Bình")
    with pytest.raises(AccessDenied) as short:
        accounts.add(con, ROOT, "x", "viewer", [vq], "ngắn")
    assert short.value.key == "access.short_password"
    admin_vq = account(con, "qt-vq", "admin", vq)
    with pytest.raises(AccessDenied) as beyond:
        accounts.add(con, admin_vq, "lb", "uploader", [lb], "mật-khẩu-dài-1")
    assert beyond.value.key == "access.denied_scope"
    with pytest.raises(AccessDenied):
        accounts.add(con, admin_vq, "everywhere", "viewer", [], "mật-khẩu-dài-1")
    uploader = account(con, "up", "uploader", vq)
    with pytest.raises(AccessDenied):
        accounts.add(con, uploader, "y", "viewer", [vq], "mật-khẩu-dài-1")
    assert [a.username for a in accounts.accounts(con)] == ["qt-vq", "up"]


def test_the_cli_acts_as_the_named_account_or_the_os_user(con):
    assert accounts.cli_principal(con, None).role == "admin"  # no accounts yet: the shell user administers
    assert accounts.cli_principal(con, None).user == getpass.getuser()
    assert accounts.cli_principal(con, "Nguyễn Văn A").user == "Nguyễn Văn A"
    vq = district(con, "Văn Quan")
    account(con, "vq", "uploader", vq)
    assert accounts.cli_principal(con, "vq").scopes == (vq.unit_id,)
    with pytest.raises(AccessDenied) as unknown:
        accounts.cli_principal(con, "ai-đó")  # accounts exist: --by must name one
    assert unknown.value.key == "access.unknown_account"
    accounts.disable(con, ROOT, "vq")
    with pytest.raises(AccessDenied) as disabled:
        accounts.cli_principal(con, "vq")
    assert disabled.value.key == "access.account_disabled"


def test_an_unknown_name_costs_one_check_with_the_hashers_own_parameters(monkeypatch):
    from argon2 import PasswordHasher
    from argon2.exceptions import VerifyMismatchError

    real = PasswordHasher()  # the server's hasher: the hash written in the module is one of its own
    assert not real.check_needs_rehash(accounts._DUMMY_WRITTEN)
    with pytest.raises(VerifyMismatchError):
        real.verify(accounts._DUMMY_WRITTEN, "an-guess-1234")
    other = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)  # other parameters: a hash of those is made
    monkeypatch.setattr(accounts, "_HASHER", other)
    monkeypatch.setattr(accounts, "_DUMMY_HASH", None)
    made = accounts._dummy_hash()
    assert made != accounts._DUMMY_WRITTEN and not other.check_needs_rehash(made)
    assert accounts._dummy_hash() is made  # once
